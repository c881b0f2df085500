/// Errors of the data module.
public enum GridDataError: Error {}
