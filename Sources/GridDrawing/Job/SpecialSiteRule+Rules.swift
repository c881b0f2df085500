import Districting
import GridRules

extension SpecialSiteRule {
    /// The core's site rule from grid.special_grid_sites.
    init(_ sites: GridDrawingRules.SpecialGridSites) {
        self.init(
            maxBuildingsPerGrid: sites.maxBuildingsPerGrid, standaloneKinds: Set(sites.standaloneKinds),
            joinLoneWithinMetres: sites.joinLoneWithinMetres, floorsPerMicroGrid: sites.floorsPerMicroGrid)
    }
}
