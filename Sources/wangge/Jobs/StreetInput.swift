import Foundation
import GridData
import GridModel

/// Reads the street folder every job starts from, with the current plan and locks a grid run keeps.
enum StreetInput {
    /// The street at `path`; bad input becomes exit 2 with every problem named.
    static func load(_ path: String) throws -> Street {
        do {
            return try StreetLoader(directory: URL(fileURLWithPath: path)).load()
        } catch {
            throw CommandFailure(error, context: path)
        }
    }

    /// Sets the street's current plan from a plan folder's grids.csv and its locks from a locks file.
    static func apply(current: String?, locks: String?, to street: inout Street) throws {
        do {
            if let current {
                let layout = PlanFolderLayout(folder: URL(fileURLWithPath: current))
                street.currentPlan = try PlanInputReader.readGrids(directory: layout.grids, street: street)
            }
            if let locks {
                street.locks = try PlanInputReader.readLocks(file: URL(fileURLWithPath: locks), street: street)
            }
        } catch {
            throw CommandFailure(error, context: "the current plan")
        }
    }
}

/// Runs a job into an output folder that replaces `--out` whole only when every file is written.
enum JobOutput {
    /// Stages `out`, lets `body` write into the staging folder, then swaps it in; an error leaves `out` as it was.
    static func write<Result>(
        to out: String, privacy: OutputFolder.Privacy, _ body: (URL) throws -> Result
    ) throws -> Result {
        let folder: OutputFolder
        do {
            folder = try OutputFolder(target: URL(fileURLWithPath: out), privacy: privacy)
        } catch {
            throw CommandFailure.badInput("unwritable output: \(error)")
        }
        do {
            let result = try body(folder.staging)
            try folder.commit()
            return result
        } catch let error as OutputFolder.OutputError {
            folder.abandon()
            throw CommandFailure.badInput("unwritable output: \(error)")
        } catch let failure as CommandFailure {
            folder.abandon()
            throw failure
        } catch {
            folder.abandon()
            throw CommandFailure.unwritable(out, error)
        }
    }
}
