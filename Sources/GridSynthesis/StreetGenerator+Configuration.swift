import GridModel

extension StreetGenerator {
    /// What to generate: the seed and size, and the naming and placement a city needs for each of its streets.
    public struct Configuration: Hashable, Sendable {
        /// Same seed and configuration → the same street, value for value.
        public var seed: UInt64
        /// Total occupied households; the street holds exactly this many.
        public var households: Int
        /// Communities (1,000–3,000 households each); nil chooses about one per 2,000 households.
        public var communityCount: Int?
        /// Put before every community id (`S012-` in a city, so that `S012-C03` is unique across it).
        public var idPrefix: String
        /// Written in every building's `street_id` (a city folder); nil for a lone street.
        public var streetID: StreetID?
        /// The street's number within its district, used in the communities' 12-digit 民政 codes.
        public var streetNumber: Int
        /// The 6-digit county code (GB/T 2260) that starts the 民政 codes.
        public var countyCode: String
        /// Number of the first person (`P000001`); a city continues where the last street stopped.
        public var firstPersonNumber: Int
        /// Number of the first resident (`R000001`).
        public var firstResidentNumber: Int
        /// Digits of person and resident numbers.
        public var numberWidth: Int
        /// The south-west corner of the street's extent, metres.
        public var origin: PlanarPoint
        /// Whether the street carries the ~12 district departments (a city writes them once).
        public var includesDepartments: Bool
        /// Office towers of one business district (商圈) in the largest community, beside the usual commercial sites;
        /// nil: none.
        public var businessDistrictBuildings: Int?

        /// A configuration for a lone street unless the city's fields are given.
        public init(
            seed: UInt64, households: Int, communityCount: Int? = nil, idPrefix: String = "", streetID: StreetID? = nil,
            streetNumber: Int = 1, countyCode: String = "420106", firstPersonNumber: Int = 1,
            firstResidentNumber: Int = 1, numberWidth: Int = 6, origin: PlanarPoint = PlanarPoint(x: 0, y: 0),
            includesDepartments: Bool = true, businessDistrictBuildings: Int? = nil
        ) {
            self.businessDistrictBuildings = businessDistrictBuildings
            self.seed = seed
            self.households = households
            self.communityCount = communityCount
            self.idPrefix = idPrefix
            self.streetID = streetID
            self.streetNumber = streetNumber
            self.countyCode = countyCode
            self.firstPersonNumber = firstPersonNumber
            self.firstResidentNumber = firstResidentNumber
            self.numberWidth = numberWidth
            self.origin = origin
            self.includesDepartments = includesDepartments
        }
    }
}
