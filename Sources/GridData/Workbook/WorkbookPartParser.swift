import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the small parts of a workbook: the sheet list, relationships, shared strings and cell formats.
enum WorkbookPartParser {
    struct Workbook {
        struct Sheet {
            let name: String
            let relationshipID: String
        }
        var sheets: [Sheet] = []
        var uses1904Dates = false
    }

    static func workbook(_ data: Data) -> Workbook {
        let collector = ElementCollector(initial: Workbook()) { name, attributes, workbook in
            switch name {
            case "workbookPr":
                let value = attributes.value(named: "date1904")
                workbook.uses1904Dates = value == "1" || value == "true"
            case "sheet":
                workbook.sheets.append(
                    Workbook.Sheet(
                        name: attributes.value(named: "name") ?? "",
                        relationshipID: attributes.prefixedValue(named: "id") ?? ""))
            default: break
            }
        }
        return collector.parse(data)
    }

    /// Relationship id → target path.
    static func relationships(_ data: Data) -> [String: String] {
        let collector = ElementCollector(initial: [String: String]()) { name, attributes, targets in
            guard name == "Relationship", let id = attributes.value(named: "Id"),
                let target = attributes.value(named: "Target")
            else { return }
            targets[id] = target
        }
        return collector.parse(data)
    }

    static func sharedStrings(_ data: Data) -> [String] {
        let parser = SharedStringsParser()
        return parser.parse(data)
    }

    /// The format of each cell style (the `s` attribute of a cell indexes this list).
    static func cellFormats(_ data: Data) -> [WorkbookCellFormat] {
        let parser = StylesParser()
        return parser.parse(data)
    }
}

extension WorkbookPartParser {
    /// Streams `data` through `delegate` with external entities off (a workbook is untrusted input); false when
    /// the XML is broken, with the parser's line and error.
    @discardableResult
    static func parse(_ data: Data, with delegate: XMLParserDelegate) -> (ok: Bool, line: Int, error: String?) {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        return (ok, parser.lineNumber, parser.parserError.map { "\($0)" })
    }
}

/// Attributes by local name (a prefix such as `r:` or `x:` is ignored where a producer adds one).
struct XMLAttributes {
    let raw: [String: String]

    func value(named name: String) -> String? {
        if let value = raw[name] { return value }
        return raw.first { $0.key.localXMLName == name && !$0.key.contains(":") }?.value
    }

    /// An attribute with a namespace prefix (`r:id`), whatever the prefix.
    func prefixedValue(named name: String) -> String? {
        raw.sorted { $0.key < $1.key }.first { $0.key.contains(":") && $0.key.localXMLName == name }?.value
    }
}

extension String {
    var localXMLName: String {
        guard let colon = lastIndex(of: ":") else { return self }
        return String(self[index(after: colon)...])
    }
}

/// A parser that hands each start tag to a closure that updates a result.
private final class ElementCollector<Result>: NSObject, XMLParserDelegate {
    private let onElement: (String, XMLAttributes, inout Result) -> Void
    private var result: Result

    init(initial: Result, onElement: @escaping (String, XMLAttributes, inout Result) -> Void) {
        self.onElement = onElement
        self.result = initial
    }

    func parse(_ data: Data) -> Result {
        WorkbookPartParser.parse(data, with: self)
        return result
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        onElement(elementName.localXMLName, XMLAttributes(raw: attributes), &result)
    }
}

/// `<si>` items: the text of their `<t>` elements, without phonetic runs (`<rPh>`, furigana or pinyin guides).
private final class SharedStringsParser: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current: String?
    private var inText = false
    private var phoneticDepth = 0

    func parse(_ data: Data) -> [String] {
        WorkbookPartParser.parse(data, with: self)
        return strings
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName.localXMLName {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch elementName.localXMLName {
        case "si":
            strings.append(current ?? "")
            current = nil
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, current != nil { current? += string }
    }
}

/// `<numFmts>` and the `<xf>` entries of `<cellXfs>`.
private final class StylesParser: NSObject, XMLParserDelegate {
    private var customCodes: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false

    func parse(_ data: Data) -> [WorkbookCellFormat] {
        WorkbookPartParser.parse(data, with: self)
        return formatIDs.map { WorkbookCellFormat(formatID: $0, code: customCodes[$0]) }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let attributes = XMLAttributes(raw: attributes)
        switch elementName.localXMLName {
        case "numFmt":
            if let id = attributes.value(named: "numFmtId").flatMap(Int.init),
                let code = attributes.value(named: "formatCode")
            {
                customCodes[id] = code
            }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats:
            formatIDs.append(attributes.value(named: "numFmtId").flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        if elementName.localXMLName == "cellXfs" { inCellFormats = false }
    }
}
