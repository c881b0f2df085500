/// A planner's pin (locks.csv): a building or a person held to a grid, micro-grid or post across re-draws.
public struct PlanLock: Hashable, Sendable, Codable {
    public enum Subject: Hashable, Sendable, Codable {
        case building(BuildingID)
        case person(PersonID)
    }

    public var subject: Subject
    public var gridID: GridID?
    public var microGridID: MicroGridID?
    public var post: String?

    public init(subject: Subject, gridID: GridID? = nil, microGridID: MicroGridID? = nil, post: String? = nil) {
        self.subject = subject
        self.gridID = gridID
        self.microGridID = microGridID
        self.post = post
    }
}
