import Foundation
import GridModel
import GridSynthesis
import Testing

/// A small city (three streets) written street by street into one folder.
@Suite struct CityGeneratorTests {
    @Test func streetsShareOneFolderWithUniqueIds() throws {
        let households = 52_000
        let directory = try TestCSV.temporaryDirectory("city")
        defer { try? FileManager.default.removeItem(at: directory) }
        let summary = try CityGenerator(seed: 3, households: households).write(to: directory)
        #expect(summary.streets == 3)
        #expect(summary.households == households)

        let buildings = try TestCSV.table(directory.appendingPathComponent("buildings.csv"))
        #expect(buildings.header.last == "street_id")
        #expect(buildings.rows.count == summary.buildings)
        var streetOfCommunity: [String: String] = [:]
        var total = 0
        var positions: [String: (Double, Double)] = [:]
        for row in buildings.rows {
            let street = row["street_id"] ?? ""
            let community = row["community_id"] ?? ""
            #expect(!street.isEmpty && community.hasPrefix(street + "-"))
            if let known = streetOfCommunity[community] { #expect(known == street) }
            streetOfCommunity[community] = street
            total += Int(row["households"] ?? "") ?? 0
            positions[row["building_id"] ?? ""] = (Double(row["x"] ?? "") ?? 0, Double(row["y"] ?? "") ?? 0)
        }
        #expect(positions.count == buildings.rows.count, "building ids repeat across streets")
        #expect(total == households)
        #expect(Set(streetOfCommunity.values).count == 3)
        #expect(streetOfCommunity.count == summary.communities)

        // Streets do not overlap: their building boxes are disjoint.
        var boxes: [String: (Double, Double, Double, Double)] = [:]
        for row in buildings.rows {
            let street = row["street_id"] ?? ""
            let (x, y) = positions[row["building_id"] ?? ""] ?? (0, 0)
            let box = boxes[street] ?? (x, y, x, y)
            boxes[street] = (min(box.0, x), min(box.1, y), max(box.2, x), max(box.3, y))
        }
        let streets = boxes.keys.sorted()
        for (i, a) in streets.enumerated() {
            for b in streets[(i + 1)...] {
                let p = boxes[a]!
                let q = boxes[b]!
                #expect(p.2 < q.0 || q.2 < p.0 || p.3 < q.1 || q.3 < p.1, "streets \(a) and \(b) overlap")
            }
        }

        let people = try TestCSV.table(directory.appendingPathComponent("people.csv"))
        let ids = people.rows.compactMap { $0["person_id"] }
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
        #expect(ids.count == summary.people)
        let residents = try TestCSV.table(directory.appendingPathComponent("residents.csv"))
        let residentIDs = residents.rows.compactMap { $0["resident_id"] }
        #expect(Set(residentIDs).count == residentIDs.count && residentIDs == residentIDs.sorted())
        let departments = try TestCSV.table(directory.appendingPathComponent("departments.csv"))
        #expect(departments.rows.count == StreetGenerator.departments.count)
        let communities = try TestCSV.table(directory.appendingPathComponent("communities.csv"))
        let codes = communities.rows.compactMap { $0["code"] }
        #expect(Set(codes).count == codes.count, "民政 codes repeat")
    }

    @Test func streetSizesSumExactlyAndStayNearTwentyThousand() throws {
        let sizes = try CityGenerator(seed: 9, households: 1_600_000).streetSizes()
        #expect(sizes.reduce(0, +) == 1_600_000)
        #expect(sizes.count == 80)
        #expect(sizes.allSatisfy { (13_000...28_000).contains($0) })
        #expect(throws: GridSynthesisError.self) { try CityGenerator(seed: 1, households: 10).streetSizes() }
    }
}
