/// Bounds beyond which a number in a street file is taken as a typing or export error rather than data.
public enum StreetLimits {
    /// Households in one building. China's largest single residential blocks (Hangzhou's Regent International,
    /// about 20,000 residents) hold well under 10,000 households; twice that leaves room for any real building
    /// while a shifted column or a 10-digit household count is still caught before it swamps a plan.
    public static let maximumHouseholdsPerBuilding = 20_000

    /// Storeys. The tallest buildings on Earth have under 170 floors.
    public static let maximumFloors = 200

    /// Stairwell units (单元) in one building; the longest slab blocks have a few dozen.
    public static let maximumUnitsPerBuilding = 100

    /// Planar coordinates in metres: half the Earth's circumference, so that a frame centred anywhere fits while
    /// degrees typed into `x, y` by mistake still look sane but a value like 1e12 does not.
    public static let maximumPlanarCoordinate = 20_000_000.0

    /// Hours in a week.
    public static let maximumHoursPerWeek = 168.0

    /// Minutes a single service request may take: one day.
    public static let maximumRequestMinutes = 1_440

    /// Birth years accepted for people and residents.
    public static let birthYears = 1880...2100
}
