import GridModel

/// What a notice card (网格公示牌) shows of one grid: the grid, its buildings for the map, and the people who serve
/// it, each by post. Built by the staffing job from its plan; written by ``NoticeCardWriter``.
public struct NoticeCard: Sendable {
    /// A post a card names, in the order the card lists them.
    public enum Post: String, CaseIterable, Comparable, Sendable {
        /// 网格长.
        case gridLeader = "grid_leader"
        /// 专职网格员.
        case gridWorker = "grid_worker"
        /// 微网格长.
        case microGridLeader = "micro_grid_leader"
        /// 楼栋长.
        case buildingLeader = "building_leader"
        /// 下沉干部.
        case sunkCadre = "sunk_cadre"

        /// `网格长 Grid leader`.
        var label: (chinese: String, english: String) {
            switch self {
            case .gridLeader: return ("网格长", "Grid leader")
            case .gridWorker: return ("专职网格员", "Grid worker")
            case .microGridLeader: return ("微网格长", "Micro-grid leaders")
            case .buildingLeader: return ("楼栋长", "Building leaders")
            case .sunkCadre: return ("下沉干部", "Sunk-down cadres")
            }
        }

        /// Card order.
        public static func < (lhs: Self, rhs: Self) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    /// One person in one post of the grid.
    public struct Holder: Hashable, Sendable {
        /// The post.
        public var post: Post
        /// The person.
        public var personID: PersonID
        /// The micro-grid a micro-grid leader leads.
        public var microGridID: MicroGridID?
        /// The building a building leader leads.
        public var buildingID: BuildingID?
        /// The department a sunk-down cadre comes from.
        public var departmentID: DepartmentID?

        /// A holder of `post`.
        public init(
            post: Post, personID: PersonID, microGridID: MicroGridID? = nil, buildingID: BuildingID? = nil,
            departmentID: DepartmentID? = nil
        ) {
            self.post = post
            self.personID = personID
            self.microGridID = microGridID
            self.buildingID = buildingID
            self.departmentID = departmentID
        }
    }

    /// The grid.
    public var gridID: GridID
    /// Its community.
    public var communityID: CommunityID
    /// Its buildings, sorted.
    public var buildings: [BuildingID]
    /// Its households.
    public var households: Int
    /// The people who serve it.
    public var holders: [Holder]

    /// A card for `gridID`.
    public init(
        gridID: GridID, communityID: CommunityID, buildings: [BuildingID], households: Int, holders: [Holder]
    ) {
        self.gridID = gridID
        self.communityID = communityID
        self.buildings = buildings
        self.households = households
        self.holders = holders
    }
}
