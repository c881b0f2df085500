import GridModel
import Testing

@Suite struct GridNameTests {
    @Test func gridsAndSpecialGridsTakeTheirCommunitysName() {
        let grid = GridName(grid: "C01-G03", communityName: "幸福社区")
        #expect(grid.chinese == "幸福社区第3网格")
        #expect(grid.english == "幸福社区, grid 3")
        #expect(GridName(grid: "C01-S12", communityName: "幸福社区").chinese == "幸福社区第12专属网格")
    }

    @Test func microGridsNameTheirGridToo() {
        let micro = GridName(microGrid: "C01-G03-M05", communityName: "幸福社区")
        #expect(micro.chinese == "幸福社区第3网格第5微网格")
        #expect(micro.english == "幸福社区, grid 3, micro-grid 5")
    }

    @Test func aCommunityWithoutANameIsNamedByItsId() {
        #expect(GridName(grid: "C-07-G02", communityName: nil).chinese == "C-07第2网格")
        #expect(GridName(grid: "C01-G02", communityName: "").chinese == "C01第2网格")
    }

    @Test(arguments: ["网格一", "G03", "C01-G", "C01-G0", "C01-X03", "C01-G03a", "-G03"])
    func aPlannersOwnCodeIsItsOwnName(code: String) {
        let name = GridName(grid: GridID(code), communityName: "幸福社区")
        #expect(name.chinese == code)
        #expect(name.english == code)
    }
}
