/// Where a person lives: a building of the street, or a bare position for someone living outside it.
public enum HomeLocation: Hashable, Sendable, Codable {
    case building(BuildingID)
    case point(PlanarPoint)
}
