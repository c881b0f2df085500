import Foundation
import GridData
import GridModel
import Matching
import Rostering
import Staffing

/// The one map from the modules' errors to the spec's exit codes: bad input and unwritable output exit 2, a solver
/// that ends with nothing exits 3; every message names the file or option concerned.
extension CommandFailure {
    /// The failure for an error a job threw; `context` names what was being read or solved (a path, or a
    /// ``Message`` such as `cli.context.input`, already in the command's language).
    init(_ error: any Error, context: String) {
        switch error {
        case let failure as CommandFailure:
            self = failure
        case let data as GridDataError:
            let problems = Counted.problems(data.totalCount)
            self = .badInput(
                data.description + "\n"
                    + Message.text("cli.failure.input_problems", ["problems": problems, "context": context]))
        case let staffing as StaffingError:
            switch staffing {
            case .invalidPlan: self = .badInput("\(context): \(staffing.description)")
            case .solver, .noSolution: self = CommandFailure(
                    .internalError, Message.text("cli.failure.staffing", ["error": staffing.description]))
            }
        case let rostering as RosteringError:
            switch rostering {
            case .invalidPins: self = .badInput("\(context): \(rostering.description)")
            case .solver: self = CommandFailure(
                    .internalError, Message.text("cli.failure.roster", ["error": rostering.description]))
            }
        case let matching as MatchingError:
            switch matching {
            case .invalidInput: self = .badInput("\(context): \(matching.description)")
            case .solver: self = CommandFailure(
                    .internalError, Message.text("cli.failure.internal_in", ["context": context, "error": "\(matching)"]))
            }
        default:
            self = CommandFailure(
                .internalError, Message.text("cli.failure.internal_in", ["context": context, "error": "\(error)"]))
        }
    }

    /// An output the safe writer refused or could not write: exit 2 with its path and reason.
    static func unwritable(_ error: OutputError) -> CommandFailure {
        .badInput(Message.text("cli.failure.unwritable", ["error": "\(error)"]))
    }

    /// An output that cannot be written: exit 2 with the path and the reason in plain words.
    static func unwritable(_ path: String, _ error: any Error) -> CommandFailure {
        .badInput(Message.text("cli.failure.unwritable_path", ["path": path, "reason": Self.reason(error)]))
    }

    /// A file error in a few words (`Permission denied`), not Foundation's whole error dump.
    static func reason(_ error: any Error) -> String {
        let error = error as NSError
        let underlying = error.userInfo[NSUnderlyingErrorKey]
        if let posix = underlying as? POSIXError { return posix.localizedDescription }
        if let other = underlying as? NSError { return other.localizedDescription }
        return error.localizedDescription
    }
}
