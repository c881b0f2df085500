import Foundation
import GridModel
import Testing

/// The matching loop's values: who ordered a request, when a completion earns, and the earning's exchange id.
@Suite struct MatchingValueTests {
    static func time(_ text: String) -> LocalDateTime { LocalDateTime(parsing: text)! }

    @Test func aRequestHasExactlyOneRequester() throws {
        let resident = ServiceRequest(
            id: "Q1", residentID: "R1", service: Service(rawValue: "chat"), createdAt: Self.time("2026-11-23T08:00"),
            earliest: Self.time("2026-11-23T09:00"), latest: Self.time("2026-11-23T10:00"), minutes: 30)
        var neighbour = resident
        neighbour.requester = .building("B7")
        #expect(resident.residentID == "R1" && resident.buildingID == nil)
        #expect(neighbour.residentID == nil && neighbour.buildingID == "B7")
        let coded = try JSONDecoder().decode(ServiceRequest.self, from: JSONEncoder().encode(neighbour))
        #expect(coded == neighbour)
    }

    @Test(arguments: ServiceCompletion.Outcome.allCases)
    func onlyAConfirmedDoneServiceEarns(outcome: ServiceCompletion.Outcome) {
        let confirmed = ServiceCompletion(
            requestID: "Q1", personID: "P1", startedAt: Self.time("2026-11-23T09:00"), minutes: 40, outcome: outcome,
            confirmedAt: Self.time("2026-11-23T10:00"))
        var unconfirmed = confirmed
        unconfirmed.confirmedAt = nil
        func perMinute(_ service: Service, _ minutes: Int) -> Int { minutes }
        let earning = TimeBankEarning(
            completion: confirmed, service: Service(rawValue: "chat"), fallbackOperator: "office", credit: perMinute)
        #expect((earning != nil) == (outcome == .done))
        #expect(earning?.operatorName == "office" || earning == nil)
        #expect(earning?.exchangeID == "earn-Q1-P1" || earning == nil)
        #expect(earning?.date == CalendarDate(year: 2026, month: 11, day: 23) || earning == nil)
        let none = TimeBankEarning(
            completion: unconfirmed, service: Service(rawValue: "chat"), fallbackOperator: "office", credit: perMinute)
        #expect(none == nil)
    }

    @Test func aCreditBelowOneMinuteEarnsNothing() {
        let done = ServiceCompletion(
            requestID: "Q1", personID: "P1", startedAt: Self.time("2026-11-23T09:00"), minutes: 1, outcome: .done,
            confirmedBy: "W1", confirmedAt: Self.time("2026-11-23T10:00"))
        func nothing(_ service: Service, _ minutes: Int) -> Int { 0 }
        #expect(
            TimeBankEarning(completion: done, service: Service(rawValue: "chat"), fallbackOperator: "x", credit: nothing)
                == nil)
    }

    @Test func statesAreTheSpecsWords() {
        #expect(
            RequestState.allCases.map(\.rawValue) == [
                "open", "dispatched", "accepted", "declined", "done", "confirmed", "cancelled", "overdue",
            ])
        #expect(ServiceCompletion.Outcome.allCases.map(\.rawValue) == ["done", "cancelled", "no_show"])
    }
}
