import GridModel

extension StreetReading {
    static let kindAliases: [String: String] = Dictionary(
        ValueAliases.buildingKinds.map { ($0.alias, $0.kind.rawValue) }, uniquingKeysWith: { a, _ in a })
    static let compoundTypeAliases: [String: String] = Dictionary(
        ValueAliases.compoundTypes.map { ($0.alias, $0.type.rawValue) }, uniquingKeysWith: { a, _ in a })

    /// buildings.csv (required): ids, community, compound, households, position and optional shape.
    func readBuildings() {
        var pending: [(building: Building, first: Double, second: Double)] = []
        var compoundTypes: [String: (type: String, line: Int)] = [:]
        let columns = Columns(
            required: ["building_id", "community_id", "households"],
            alternatives: [[["x", "y"], ["lat", "lon"]]])
        var rows = 0
        let usable = readTable(
            .buildings, columns: columns, idColumn: "building_id",
            register: { id, line in self.buildingLines[id] = self.buildingLines[id] ?? line },
            header: { header in
                self.frame = header.has("x") && header.has("y") ? .planar : .geodetic
                self.buildingLines.reserveCapacity(self.expectedRows)
                pending.reserveCapacity(self.expectedRows)
                return true
            }
        ) { row in
            rows += 1
            let id = row.required("building_id", what: DataNoun.buildingID, log: &log)
            var isNew = false
            if let id {
                isNew = register(id, in: &buildingLines, row: row, column: "building_id", what: DataNoun.buildingID)
            }
            let community = row.required("community_id", what: DataNoun.communityID, log: &log)
            if let community {
                buildingCommunityIDs.insert(community)
                _ = checkListedCommunity(community, row: row)
            }
            let households: Int?
            if row.isEmpty("households") {
                log.add(
                    row.issue(
                        "households", value: nil, problem: Message.text("data.building.missing_households"),
                        expected: Message.text("data.building.households_expected")))
                households = nil
            } else {
                households = row.integer(
                    "households", in: 0...StreetLimits.maximumHouseholdsPerBuilding, what: DataNoun.households,
                    log: &log)
            }
            let position = readPosition(row)
            let kind = row.text("kind").flatMap {
                vocabularyWord(
                    $0, aliases: Self.kindAliases, row: row, column: "kind", what: DataNoun.buildingKind,
                    examples: ["residential", "commercial", "school", "hospital", "market", "enterprise"])
            }
            let compoundType = row.text("compound_type").flatMap {
                vocabularyWord(
                    $0, aliases: Self.compoundTypeAliases, row: row, column: "compound_type",
                    what: DataNoun.compoundType,
                    examples: ["residential", "old", "work_unit", "transitional", "village", "commercial"])
            }
            let compound = row.text("compound_id")
            if let compound, let compoundType {
                if let earlier = compoundTypes[compound], earlier.type != compoundType {
                    log.add(
                        row.issue(
                            "compound_type", value: compoundType,
                            problem: Message.text(
                                "data.building.compound_type_differs",
                                ["compound": compound, "line": "\(earlier.line)"]),
                            expected: Message.text("data.building.one_type_per_compound", ["type": earlier.type])))
                } else if compoundTypes[compound] == nil {
                    compoundTypes[compound] = (compoundType, row.line)
                }
            }
            let floors = row.integer("floors", in: 1...StreetLimits.maximumFloors, what: DataNoun.floors, log: &log)
            let unitCount = row.integer(
                "units", in: 1...StreetLimits.maximumUnitsPerBuilding, what: DataNoun.units, log: &log)
            guard isNew, let id, let community, let households, let position else { return }
            let building = Building(
                id: BuildingID(id), communityID: CommunityID(community), compoundID: compound.map { CompoundID($0) },
                households: households, position: PlanarPoint(x: 0, y: 0),
                kind: kind.map(BuildingKind.init(rawValue:)) ?? .residential,
                compoundType: compoundType.map(CompoundType.init(rawValue:)), floors: floors, unitCount: unitCount,
                streetID: row.text("street_id").map { StreetID($0) })
            pending.append((building, position.first, position.second))
        }
        if usable && rows == 0 {
            log.add(
                DataIssue(
                    file: StreetFile.buildings.fileName, line: 2, problem: Message.text("data.file.no_buildings"),
                    expected: Message.text("data.file.row_per_building")))
        }
        placeBuildings(pending)
        checkCommunitiesHaveBuildings()
    }

    /// With communities.csv, every building's community must be listed there.
    private func checkListedCommunity(_ id: String, row: CSVRow) -> Bool {
        guard let communityLines, communityLines[id] == nil, !unreadable.contains(.communities) else { return true }
        log.add(
            row.issue(
                "community_id", value: id, problem: Message.text("data.ref.unknown_community"),
                expected: Message.text("data.ref.listed_in", ["column": "community_id", "file": "communities.csv"])))
        return false
    }

    /// The row's raw position: `(x, y)` in metres or `(lat, lon)` in degrees, by the file's frame.
    private func readPosition(_ row: CSVRow) -> (first: Double, second: Double)? {
        switch frame {
        case .planar:
            let limit = StreetLimits.maximumPlanarCoordinate
            let x = row.decimal("x", in: -limit...limit, what: DataNoun.xMetres, log: &log)
            let y = row.decimal("y", in: -limit...limit, what: DataNoun.yMetres, log: &log)
            for name in ["x", "y"] where row.isEmpty(name) {
                log.add(
                    row.issue(
                        name, value: nil, problem: Message.text("data.position.missing", ["column": name]),
                        expected: Message.text("data.position.metres")))
            }
            guard let x, let y else { return nil }
            return (x, y)
        case .geodetic:
            let lat = row.decimal("lat", in: -90...90, what: DataNoun.latitude, log: &log)
            let lon = row.decimal("lon", in: -180...180, what: DataNoun.longitude, log: &log)
            if row.isEmpty("lat") {
                log.add(row.issue("lat", value: nil, problem: Message.text("data.position.missing_latitude"),
                        expected: Message.text("data.position.wgs84_degrees")))
            }
            if row.isEmpty("lon") {
                log.add(row.issue("lon", value: nil, problem: Message.text("data.position.missing_longitude"),
                        expected: Message.text("data.position.wgs84_degrees")))
            }
            guard let lat, let lon else { return nil }
            return (lat, lon)
        case nil:
            return nil
        }
    }

    /// Sets positions: planar as given (placed on the map by street.yaml's origin, if any), or converted to WGS84
    /// and projected about the mean of all buildings' latitudes and longitudes.
    private func placeBuildings(_ pending: [(building: Building, first: Double, second: Double)]) {
        if frame == .geodetic, !pending.isEmpty {
            var latitude = 0.0
            var longitude = 0.0
            for entry in pending {
                let wgs84 = settings.coordinateSystem.toWGS84(latitude: entry.first, longitude: entry.second)
                latitude += wgs84.latitude
                longitude += wgs84.longitude
            }
            projection = GeodeticProjection(
                referenceLatitude: latitude / Double(pending.count),
                referenceLongitude: longitude / Double(pending.count))
        } else if frame == .planar, let origin = settings.wgs84Origin {
            projection = GeodeticProjection(referenceLatitude: origin.latitude, referenceLongitude: origin.longitude)
        }
        buildings.reserveCapacity(pending.count)
        for entry in pending {
            var building = entry.building
            building.position = point(entry.first, entry.second)
            buildings[building.id] = building
        }
    }

    /// A raw position in the street's frame as a planar point: metres as given, or latitude and longitude in
    /// street.yaml's coordinate system converted to WGS84 and projected.
    func point(_ first: Double, _ second: Double) -> PlanarPoint {
        guard frame == .geodetic, let projection else { return PlanarPoint(x: first, y: second) }
        let wgs84 = settings.coordinateSystem.toWGS84(latitude: first, longitude: second)
        return projection.project(latitude: wgs84.latitude, longitude: wgs84.longitude)
    }

    /// A community listed in communities.csv must have at least one building.
    private func checkCommunitiesHaveBuildings() {
        guard let communityLines, !buildingLines.isEmpty else { return }
        for (id, line) in communityLines.sorted(by: { $0.value < $1.value }) where !buildingCommunityIDs.contains(id) {
            log.add(
                DataIssue(
                    file: StreetFile.communities.fileName, line: line, column: communityIDColumn?.column,
                    columnName: communityIDColumn?.name ?? "community_id",
                    value: id, problem: Message.text("data.building.community_without_buildings"),
                    expected: Message.text("data.building.community_needs_building", ["community": id])))
        }
    }
}
