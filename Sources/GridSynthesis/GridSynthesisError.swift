/// Errors of the generator.
public enum GridSynthesisError: Error {}
