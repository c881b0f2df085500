import Foundation
import NIOSSL
import PostgresNIO

/// Where `--db` points: a SQLite file (the embedded default) or a PostgreSQL server.
public enum LedgerLocation {
    /// Opens the ledger `location` names: a `postgres://` (or `postgresql://`) URL, otherwise a SQLite file path.
    public static func open(_ location: String, create: Bool) throws(TimeBankError) -> any LedgerStore {
        if PostgresLedgerAddress.isURL(location) {
            return try PostgresLedgerStore(url: location, create: create)
        }
        return try SQLiteLedgerStore(path: location, create: create)
    }

    /// `location` as it may be printed: a URL's password masked.
    public static func display(_ location: String) -> String {
        PostgresLedgerAddress.isURL(location) ? PostgresLedgerAddress.masked(location) : location
    }
}

/// A PostgreSQL ledger's address: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME&sslmode=MODE]`.
///
/// Without a password in the URL, `PGPASSWORD` is used (as psql does), which keeps it out of shell history. `schema`
/// puts the ledger in its own PostgreSQL schema (letters, digits and `_`); `sslmode` is `disable` (the default for a
/// server on this machine) or `require` (the default otherwise: TLS with the system's trusted certificates).
struct PostgresLedgerAddress: CustomStringConvertible {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String
    var schema: String?
    var requireTLS: Bool

    static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(TimeBankError)
    {
        let expected = "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME&sslmode=disable|require]"
        func refuse(_ what: String) -> TimeBankError {
            .unavailable(location: Self.masked(text), reason: "\(what); expected \(expected)")
        }
        guard Self.isURL(text), let components = URLComponents(string: text) else { throw refuse("not a URL") }
        guard let host = components.host, !host.isEmpty else { throw refuse("no host") }
        guard let user = components.user, !user.isEmpty else { throw refuse("no user") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw refuse("no database") }
        if let port = components.port, !(1...65_535).contains(port) { throw refuse("port \(port) out of range") }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user
        self.password = components.password ?? environment["PGPASSWORD"]
        self.database = database
        let loopback = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)
        requireTLS = !loopback
        for item in components.queryItems ?? [] {
            switch (item.name, item.value ?? "") {
            case ("schema", let name):
                let allowed = name.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                }
                guard allowed, (1...63).contains(name.count), name.first.map({ !$0.isNumber }) == true else {
                    throw refuse("schema \"\(name)\" must be 1–63 lowercase letters, digits or _")
                }
                schema = name
            case ("sslmode", "disable"): requireTLS = false
            case ("sslmode", "require"): requireTLS = true
            case (let name, let value): throw refuse("unknown parameter \(name)=\(value)")
            }
        }
    }

    func tls() throws -> PostgresConnection.Configuration.TLS {
        requireTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
    }

    /// The URL without its password.
    var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "")
    }

    static func masked(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "postgres://…"
    }
}
