import Foundation

/// Finds English wording in text meant to be Chinese: what is left of a line once its ids, rule ids, file names,
/// paths, hashes, numbers and units are taken out, judged by two rules:
///
/// - a run of two or more English words with nothing but spaces and ASCII punctuation between them
///   (`rules not met`, `community_worker`: a code's parts count as words, since a code inside a Chinese sentence
///   should have been given its Chinese name);
/// - an English word on a line without a single Chinese character (`households: 20000`), a label left in English.
///
/// It shares no code with the engine's catalogue: it reads only the text the binary wrote.
enum EnglishSentenceFinder {
    /// The lines of `text` that hold English, each as it was written.
    static func englishLines(in text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map(String.init).filter(holdsEnglish)
    }

    /// Whether `line` holds English wording outside ids, rule ids, file names, paths, numbers and units.
    static func holdsEnglish(_ line: String) -> Bool {
        let runs = englishRuns(in: line)
        return runs.contains { $0.count >= 2 } || (!runs.isEmpty && !hasHan(line))
    }

    /// The runs of English words left in `line` once ids, paths and numbers are out: words are ASCII letters (with
    /// inner hyphens: `micro-grids`), a run goes on over spaces and ASCII punctuation and ends at anything else
    /// (a Chinese character, full-width punctuation, →, –, …). One-letter words (x, y) and units do not count.
    static func englishRuns(in line: String) -> [[String]] {
        var text = line
        for pattern in removed {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        // Codes are words joined by underscores: `elderly_alone` is two English words.
        text = text.replacingOccurrences(of: "_", with: " ")
        var runs: [[String]] = []
        var run: [String] = []
        var word = ""
        func endWord() {
            let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            if trimmed.count >= 2, !units.contains(trimmed) { run.append(trimmed) }
            word = ""
        }
        func endRun() {
            endWord()
            if !run.isEmpty { runs.append(run) }
            run = []
        }
        for scalar in text.unicodeScalars {
            let isLetter = scalar.isASCII && CharacterSet.letters.contains(scalar)
            if isLetter || (scalar == "-" && !word.isEmpty) {
                word.unicodeScalars.append(scalar)
            } else if scalar.isASCII {
                endWord()
            } else {
                endRun()
            }
        }
        endRun()
        return runs
    }

    /// What is taken out before words are counted, in order.
    private static let removed: [String] = [
        // Paths: ASCII runs holding a slash (`Scenarios/sample-street`, `/tmp/plan/grids`).
        #"[A-Za-z0-9_.~+@=\-]*/[A-Za-z0-9_./~+@=\-]*"#,
        // File names (`kpis.json`, `roster.csv`) and rule ids (`staffing.building_leader`): dotted names.
        #"[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)+"#,
        // Hashes: `sha256:` and long hexadecimal strings.
        #"sha256:[0-9a-fA-F]+"#,
        #"\b[0-9a-fA-F]{16,}\b"#,
        // Ids and codes holding a digit: C01-G02, P000123, R000150, D07, 2026-W48, UTF-8, WGS84.
        #"\b(?=[A-Za-z0-9\-]*[0-9])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\b"#,
        // Numbers left inside codes (`mental_health_0`).
        #"[0-9]+"#,
    ]

    /// Units of more than one letter written after numbers (`1.2 km`, `30 min`); `m`, `h`, `s` are one letter.
    private static let units: Set<String> = ["km", "ms", "min"]

    private static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }
}
