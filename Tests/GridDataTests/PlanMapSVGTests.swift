import Foundation
import GridModel
import Testing

@testable import GridData

/// map.svg as printed: an A4 landscape page with title, legend, scale bar and north arrow, and labels above the
/// dots that move off each other.
@Suite struct PlanMapSVGTests {
    /// Two square grids side by side, 400 m × 400 m each, one building at each grid's middle and one at a corner.
    static func content(labels: [PlanMapSVG.Label]) -> PlanMapSVG.Content {
        func square(_ x: Double) -> [PlanarPoint] {
            [PlanarPoint(x: x, y: 0), PlanarPoint(x: x + 400, y: 0), PlanarPoint(x: x + 400, y: 400),
             PlanarPoint(x: x, y: 400)]
        }
        return PlanMapSVG.Content(
            title: "幸福街道 网格划分图 Grid map", summary: "2 个网格 grids",
            cells: [
                PlanMapSVG.Cell(polygon: square(0), gridID: "C01-G01", special: false),
                PlanMapSVG.Cell(polygon: square(400), gridID: "C01-S01", special: true),
            ],
            gridBoundaries: [Segment(start: PlanarPoint(x: 400, y: 0), end: PlanarPoint(x: 400, y: 400))],
            microBoundaries: [Segment(start: PlanarPoint(x: 0, y: 200), end: PlanarPoint(x: 400, y: 200))],
            communityBoundaries: [Segment(start: PlanarPoint(x: 0, y: 0), end: PlanarPoint(x: 800, y: 0))],
            barriers: [Segment(start: PlanarPoint(x: 0, y: 100), end: PlanarPoint(x: 800, y: 100))],
            buildings: [PlanarPoint(x: 200, y: 200), PlanarPoint(x: 50, y: 350), PlanarPoint(x: 600, y: 200)],
            labels: labels)
    }

    @Test func aPrintableA4LandscapePageWithTitleLegendScaleAndNorth() {
        let svg = PlanMapSVG().render(Self.content(labels: []))
        #expect(svg.contains("width=\"297mm\" height=\"210mm\" viewBox=\"0 0 1188 840\""))
        #expect(svg.contains("size: A4 landscape"))
        #expect(svg.contains(">幸福街道 网格划分图 Grid map</text>"))
        for entry in ["图例 Legend", "网格", "专属网格", "微网格边界", "社区边界", "障碍：主干道、河流、围墙", "楼栋", "Barrier"] {
            #expect(svg.contains(entry), "legend lacks \(entry)")
        }
        #expect(svg.contains(">北</text>") && svg.contains(">N</text>"))
        // 800 m across the frame's 824 inner units of 0.25 mm: a 200 m bar (a quarter of the frame or less), and
        // 1 m = 1.03 units = 0.2575 mm on paper, 1:3,883 rounded to 1:3,900.
        #expect(svg.contains(">200 m</text>"), "scale bar")
        #expect(svg.contains("1:3,900 (A4)"))
        #expect(svg.contains("url(#special)"), "special grids hatched")
        #expect(svg.contains("stroke-dasharray=\"10 5\""), "community outline dashed")
    }

    @Test func labelsAreDrawnAboveTheDotsWithAHalo() throws {
        let label = PlanMapSVG.Label(
            lines: ["C01-G01", "第1网格"], sites: [PlanarPoint(x: 200, y: 200)], style: .grid)
        let svg = PlanMapSVG().render(Self.content(labels: [label]))
        let lastDot = try #require(svg.range(of: "r=\"1.4\"/>", options: .backwards))
        let label1 = try #require(svg.range(of: ">C01-G01</text>"))
        #expect(lastDot.lowerBound < label1.lowerBound)
        #expect(svg.contains("paint-order=\"stroke\""))
        #expect(svg.contains(">第1网格</text>"))
    }

    /// A community name whose best site is taken by a grid's label goes to its next site; the grid keeps its own.
    @Test func aLabelMovesToItsNextSiteRatherThanCoverAnother() {
        let middle = PlanarPoint(x: 200, y: 200), corner = PlanarPoint(x: 100, y: 330)
        let content = Self.content(labels: [
            PlanMapSVG.Label(lines: ["幸福社区"], sites: [middle, corner], style: .community),
            PlanMapSVG.Label(lines: ["C01-G01", "第1网格"], sites: [middle], style: .grid),
        ])
        let placement = PlanMapSVG.Placement(
            content: content, frame: PlanMapSVG.Box(left: 40, top: 108, right: 888, bottom: 800))
        let boxes = Dictionary(uniqueKeysWithValues: placement.labels.map { ($0.0.lines[0], $0.1) })
        let grid = boxes["C01-G01"], community = boxes["幸福社区"]
        let centre = placement.point(middle), other = placement.point(corner)
        #expect(grid.map { abs(($0.left + $0.right) / 2 - centre.x) < 0.01 } == true)
        #expect(community.map { abs(($0.left + $0.right) / 2 - other.x) < 0.01 } == true)
        #expect(grid.flatMap { g in community.map { !g.overlaps($0) } } == true)
    }

    @Test(arguments: [(1.0, 1.0), (180, 100), (260, 200), (999, 500), (1000, 1000), (4321, 2000)])
    func scaleBarLengthsAreRound(target: Double, expected: Double) {
        #expect(PlanMapSVG.roundLength(below: target) == expected)
    }
}

extension PlanMapSVGTests {
    /// Labels with nowhere free to go cover as little of each other as they can.
    @Test func crowdedLabelsCoverAsLittleAsTheyCan() {
        let site = PlanarPoint(x: 200, y: 200)
        let labels = (1...5).map { PlanMapSVG.Label(lines: ["C01-S0\($0)"], sites: [site], style: .specialGrid) }
        let placement = PlanMapSVG.Placement(
            content: Self.content(labels: labels), frame: PlanMapSVG.Box(left: 40, top: 108, right: 888, bottom: 800))
        let boxes = placement.labels.map(\.1)
        var shared = 0.0
        for i in boxes.indices {
            for j in boxes.indices where j > i { shared += boxes[i].overlap(with: boxes[j]) }
        }
        #expect(boxes.count == 5)
        #expect(shared == 0, "five small labels around one site fit side by side and above and below")
    }
}
