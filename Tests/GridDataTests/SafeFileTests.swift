import Foundation
import GridData
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SafeFile and CSVWriter never write through, nor replace, a link, a FIFO or a folder at their target.
@Suite(.inEnglish) struct SafeFileTests {
    @Test func replacesAFileWithANewOneOfTheRightMode() throws {
        let folder = try TemporaryFolder.make("safe-file")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("model.lp")
        try Data("old".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        try SafeFile.write(Data("new".utf8), to: url, privacy: .residentData)
        #expect(try String(contentsOf: url, encoding: .utf8) == "new")
        #expect(TemporaryFolder.mode(url) == 0o600)
        #expect(TemporaryFolder.names(folder) == ["model.lp"], "no temporary file is left")
        try OwnerOnlyFile.write("roster", to: url)
        #expect(TemporaryFolder.mode(url) == 0o600)
    }

    @Test func aFIFOIsRefusedAndLeftInPlace() throws {
        let folder = try TemporaryFolder.make("safe-fifo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("model.lp")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let error = #expect(throws: OutputError.self) {
            try SafeFile.write(Data("x".utf8), to: fifo, privacy: .shareable)
        }
        #expect(error?.reason.contains("FIFO") == true)
        #expect(TemporaryFolder.kind(fifo) == "fifo")
        #expect(throws: OutputError.self) { try CSVWriter(url: fifo, header: ["a"]) }
        #expect(TemporaryFolder.kind(fifo) == "fifo")
        #expect(TemporaryFolder.names(folder) == ["model.lp"])
    }

    @Test func aLinkIsRefusedAndItsTargetUntouched() throws {
        let folder = try TemporaryFolder.make("safe-link")
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim.txt")
        try Data("precious".utf8).write(to: victim)
        let link = folder.appendingPathComponent("map.svg")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        let error = #expect(throws: OutputError.self) {
            try SafeFile.write(Data("<svg/>".utf8), to: link, privacy: .shareable)
        }
        #expect(error?.reason.contains("symbolic link") == true)
        #expect(throws: OutputError.self) { try CSVWriter(url: link, header: ["a"]) }
        #expect(throws: OutputError.self) { try OwnerOnlyFile.write("x", to: link) }
        #expect(TemporaryFolder.kind(link) == "link")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        #expect(TemporaryFolder.names(folder) == ["map.svg", "victim.txt"])
    }

    @Test func aFolderIsRefused() throws {
        let folder = try TemporaryFolder.make("safe-folder")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inner = folder.appendingPathComponent("out.lp")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        #expect(throws: OutputError.self) { try SafeFile.write(Data("x".utf8), to: inner, privacy: .shareable) }
        #expect(TemporaryFolder.kind(inner) == "folder")
    }
}
