import Foundation
import GridModel

/// A street file given at any path (a locks file, a visit history) for the street reader, which reads each file by
/// its fixed name in a folder: the file's own folder when it has that name, else a private temporary folder holding
/// a link to it under that name. A workbook (`history.xlsx`) is linked as the file's workbook twin (`visits.xlsx`),
/// which the reader reads in the CSV's place.
struct StreetFileLink {
    /// The fixed name the street reader looks for.
    let file: StreetFile
    /// The folder to point the street reader at.
    let directory: URL
    /// The name the file's issues are reported under (the path as the user gave it).
    let reportedName: String
    /// The private folder made for the link, removed by ``remove()``.
    private let temporary: URL?
    /// The name the link has in `directory`: the fixed CSV name, or its `.xlsx` twin for a workbook.
    private let linkName: String

    /// Links `url` under `file`'s name when it has another name; `reportedName` replaces that name in issues.
    init(_ url: URL, as file: StreetFile, reportedName: String) throws(GridDataError) {
        self.file = file
        self.reportedName = reportedName
        let isWorkbook = url.pathExtension.lowercased() == "xlsx"
        linkName = isWorkbook ? String(file.fileName.dropLast(4)) + ".xlsx" : file.fileName
        guard url.lastPathComponent != linkName else {
            directory = url.deletingLastPathComponent()
            temporary = nil
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wangge-\(url.deletingPathExtension().lastPathComponent)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent(linkName),
                withDestinationURL: url.standardizedFileURL.absoluteURL)
        } catch {
            throw GridDataError(
                DataIssue(
                    file: reportedName, problem: Message.text("data.file.cannot_read_because", ["error": "\(error)"])))
        }
        directory = folder
        temporary = folder
    }

    /// Removes the private folder, if one was made.
    func remove() {
        if let temporary { try? FileManager.default.removeItem(at: temporary) }
    }

    /// `error` with the issues the street reader reported under the fixed name reported under ``reportedName``.
    func renamingIssues(of error: GridDataError) -> GridDataError {
        var error = error
        error.issues = error.issues.map { issue in
            var renamed = issue
            if renamed.file == file.fileName || renamed.file == linkName { renamed.file = reportedName }
            return renamed
        }
        return error
    }
}
