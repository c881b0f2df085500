/// Errors of the planning jobs.
public enum GridPlanningError: Error {}
