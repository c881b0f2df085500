import GridModel

extension StreetReading {
    /// adjacency.csv (optional): `a, b` pairs of neighbouring buildings; repeated pairs count once.
    func readAdjacency() {
        var pairs: Set<BuildingPair> = []
        let present = readTable(.adjacency, columns: Columns(required: ["a", "b"])) { row in
            let a = row.required("a", what: DataNoun.buildingID, log: &log)
            let b = row.required("b", what: DataNoun.buildingID, log: &log)
            guard let a, let b else { return }
            let knownA = checkBuilding(a, row: row, column: "a")
            let knownB = checkBuilding(b, row: row, column: "b")
            guard knownA, knownB else { return }
            guard a != b else {
                log.add(
                    row.issue(
                        "b", value: b, problem: Message.text("data.adjacency.self"),
                        expected: Message.text("data.adjacency.two_buildings")))
                return
            }
            pairs.insert(BuildingPair(BuildingID(a), BuildingID(b)))
        }
        if present { adjacency = pairs.sorted() }
    }

    /// barriers.csv (optional): segments `x1, y1, x2, y2` in metres, or `lat1, lon1, lat2, lon2` in degrees, in
    /// the same frame as buildings.csv.
    func readBarriers() {
        let planar = ["x1", "y1", "x2", "y2"]
        let geodetic = ["lat1", "lon1", "lat2", "lon2"]
        var names = planar
        readTable(
            .barriers, columns: Columns(required: [], alternatives: [[planar, geodetic]]),
            header: { header in
                let isPlanar = planar.allSatisfy(header.has)
                names = isPlanar ? planar : geodetic
                let expected: Frame = isPlanar ? .planar : .geodetic
                guard let frame = self.frame, frame != expected else { return true }
                self.log.add(
                    DataIssue(
                        file: StreetFile.barriers.fileName, line: 1,
                        problem: isPlanar
                            ? Message.text("data.position.barriers_planar_vs_geodetic")
                            : Message.text("data.position.barriers_geodetic_vs_planar"),
                        expected: Message.text(
                            "data.position.frame_of_buildings",
                            ["columns": Language.current.list(frame == .planar ? planar : geodetic)])))
                return false
            }
        ) { row in
            var values: [Double] = []
            for (offset, name) in names.enumerated() {
                let isLatitude = names == geodetic && offset % 2 == 0
                let limit = names == planar ? StreetLimits.maximumPlanarCoordinate : (isLatitude ? 90 : 180)
                if row.isEmpty(name) {
                    log.add(
                        row.issue(
                            name, value: nil, problem: Message.text("data.position.missing", ["column": name]),
                            expected: Message.text("data.position.a_number")))
                } else if let value = row.decimal(name, in: -limit...limit, what: name, log: &log) {
                    values.append(value)
                }
            }
            guard values.count == 4 else { return }
            barriers.append(Segment(start: point(values[0], values[1]), end: point(values[2], values[3])))
        }
    }
}
