import GridData
import GridModel
import TimeBank

/// One account's passbook (存折): its entries in ledger order with running balances, in Chinese with English.
struct Passbook {
    struct Line {
        var sequence: Int
        var date: String
        var exchange: String
        var kind: ExchangeRequest.Kind
        var service: String
        var currency: LedgerCurrency
        var bucket: LedgerBucket
        var amount: Int
        var posted: Int
        var pending: Int
    }

    let account: LedgerAccountID
    let lines: [Line]

    /// - Parameter label: the printed name of a service id (its catalogue names; a neutral word for a service that
    ///   reveals a sensitive category, since a passbook is shown at the counter).
    init(snapshot: LedgerSnapshot, account: LedgerAccountID, label: (String) -> String) {
        self.account = account
        let exchanges = Dictionary(snapshot.exchanges.map { ($0.request.id, $0.request) }, uniquingKeysWith: { a, _ in a })
        var posted: [LedgerCurrency: Int] = [:]
        var pending: [LedgerCurrency: Int] = [:]
        var lines: [Line] = []
        for entry in snapshot.entries where entry.leg.account == account {
            let leg = entry.leg
            if leg.bucket == .posted { posted[leg.currency, default: 0] += leg.amount } else {
                pending[leg.currency, default: 0] += leg.amount
            }
            let request = exchanges[entry.exchangeID]
            lines.append(
                Line(
                    sequence: entry.sequence, date: request?.date.description ?? "", exchange: entry.exchangeID,
                    kind: request?.kind ?? .earn, service: request?.service.map(label) ?? "", currency: leg.currency,
                    bucket: leg.bucket, amount: leg.amount, posted: posted[leg.currency] ?? 0,
                    pending: pending[leg.currency] ?? 0))
        }
        self.lines = lines
    }

    static let kindNames: [ExchangeRequest.Kind: String] = [
        .earn: "存入 earn", .confirm: "确认 confirm", .void: "撤销 void", .redeem: "兑换 redeem",
        .transfer: "转赠 transfer", .donate: "捐赠 donate", .reverse: "冲正 reverse",
    ]

    static func unit(_ currency: LedgerCurrency) -> String { currency == .time ? "分钟 min" : "积分 points" }

    func text() -> String {
        var out = ["时间银行存折 Time-bank passbook: \(account)", "日期 date\t编号 exchange\t类型 kind\t服务 service\t变动 change\t可用 posted\t待确认 pending"]
        for line in lines {
            let sign = line.amount > 0 ? "+" : ""
            out.append(
                "\(line.date)\t\(line.exchange)\t\(Self.kindNames[line.kind] ?? line.kind.rawValue)\t\(line.service)\t"
                    + "\(sign)\(line.amount) \(Self.unit(line.currency))\(line.bucket == .pending ? " (待确认 pending)" : "")\t"
                    + "\(line.posted)\t\(line.pending)")
        }
        for currency in LedgerCurrency.allCases {
            guard let last = lines.last(where: { $0.currency == currency }) else { continue }
            out.append("余额 balance: \(last.posted) \(Self.unit(currency)) 可用 posted, \(last.pending) 待确认 pending")
        }
        return out.joined(separator: "\n")
    }

    func html() -> String {
        let escape = RosterHTMLWriter.escape
        var rows = ""
        for line in lines {
            let sign = line.amount > 0 ? "+" : ""
            rows += "<tr><td>\(escape(line.date))</td><td>\(escape(line.exchange))</td>"
                + "<td>\(escape(Self.kindNames[line.kind] ?? line.kind.rawValue))</td><td>\(escape(line.service))</td>"
                + "<td class=n>\(sign)\(line.amount) \(Self.unit(line.currency))\(line.bucket == .pending ? "（待确认）" : "")</td>"
                + "<td class=n>\(line.posted)</td><td class=n>\(line.pending)</td></tr>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>时间银行存折 \(escape(account.rawValue))</title>
            <style>
            @page { size: A4; margin: 15mm; }
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 11pt; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #444; padding: 3px 6px; }
            th { background: #eee; } td.n { text-align: right; }
            thead { display: table-header-group; } tr { page-break-inside: avoid; }
            </style></head><body>
            <h1>时间银行存折 <small>Time-bank passbook</small></h1>
            <p>账户 Account: <b>\(escape(account.rawValue))</b></p>
            <table><thead><tr><th>日期<br>Date</th><th>编号<br>Exchange</th><th>类型<br>Kind</th><th>服务<br>Service</th>\
            <th>变动<br>Change</th><th>可用余额<br>Posted</th><th>待确认<br>Pending</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>
            </body></html>

            """
    }
}
