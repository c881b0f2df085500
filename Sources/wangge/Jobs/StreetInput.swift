import Foundation
import GridData
import GridModel
import GridRules

/// Reads the street folder every job starts from, with the current plan and locks a grid run keeps.
enum StreetInput {
    /// The street at `path`, from the files the job `needs`; bad input becomes exit 2 with every problem named. A
    /// street without a name in street.yaml is named after its folder, for the titles of maps and printouts.
    ///
    /// With `rules`, requests.csv's services and urgencies are checked against the rules' catalogue and urgencies;
    /// `requests` reads the orders from a file of their own (`--requests`).
    static func load(_ path: String, needs: StreetNeeds, rules: RuleSet? = nil, requests: String? = nil) throws
        -> Street
    {
        do {
            let url = URL(fileURLWithPath: path)
            var loader = StreetLoader(directory: url, needs: needs)
            if let matching = rules?.matching {
                loader.knownServices = Set(matching.services.map(\.id))
                loader.knownUrgencies = matching.loop.urgencySpellings
            }
            loader.requestsFile = requests.map(URL.init(fileURLWithPath:))
            var street = try loader.load()
            if street.name == nil { street.name = url.standardizedFileURL.lastPathComponent }
            return street
        } catch {
            throw CommandFailure(error, context: requests ?? path)
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
            throw CommandFailure(error, context: Message.text("cli.context.current_plan"))
        }
    }
}

/// One job's part of an output folder: the whole folder of `grids draw`, or `grids/` of a plan folder. Every file
/// is created in the staging folder with the output's privacy from the start.
struct JobFolder {
    let output: OutputFolder
    /// The subfolder's name in the output folder; empty for the folder itself.
    let name: String
    /// The path people read in messages (`out/plan/grids`).
    let written: String

    var privacy: OutputFolder.Privacy { output.privacy }

    /// Where `file` is being written (for streaming writers and the job's own readers).
    func url(_ file: String) -> URL { output.url(name.isEmpty ? file : "\(name)/\(file)") }

    /// Writes `text` as `file`.
    func write(_ file: String, text: String) throws {
        try output.write(name.isEmpty ? file : "\(name)/\(file)", text: text)
    }

    /// Writes `file` (the job's .xlsx) with a sheet per CSV already written, `first` first; call it after the
    /// last CSV is closed.
    func writeWorkbook(_ file: String, first: String) throws {
        let folderURL = name.isEmpty ? output.staging : output.url(name)
        let sheets = try JobWorkbook.sheets(inFolder: folderURL, first: first)
        try output.write(name.isEmpty ? file : "\(name)/\(file)", WorkbookWriter.data(for: sheets))
    }
}

/// Runs jobs into an output folder that replaces `--out` whole only when every file is written.
enum JobOutput {
    /// Stages `out`, lets `body` write into the staging folder, then swaps it in; an error leaves `out` as it was.
    static func write<Result>(
        to out: String, privacy: OutputFolder.Privacy, _ body: (OutputFolder) throws -> Result
    ) throws -> Result {
        let folder: OutputFolder
        do {
            folder = try OutputFolder(target: URL(fileURLWithPath: out), privacy: privacy)
        } catch {
            throw CommandFailure.unwritable(error)
        }
        do {
            let result = try body(folder)
            try folder.commit()
            return result
        } catch let error as OutputError {
            folder.abandon()
            throw CommandFailure.unwritable(error)
        } catch let failure as CommandFailure {
            folder.abandon()
            throw failure
        } catch {
            folder.abandon()
            throw CommandFailure.unwritable(out, error)
        }
    }

    /// The job's part of `output`: the folder itself, or a subfolder created with the output's privacy.
    static func part(_ output: OutputFolder, _ name: String, written: String) throws -> JobFolder {
        if !name.isEmpty { _ = try output.folder(name) }
        return JobFolder(output: output, name: name, written: written)
    }
}
