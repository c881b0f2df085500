import GridModel

extension StreetReading {
    /// grids.csv (optional): the street's current plan, one row per atom placed.
    ///
    /// Buildings and communities must exist and agree with buildings.csv. The rows of a building are not required
    /// to add up to its households: a current plan may predate the latest household counts, and re-drawing is
    /// what reconciles them.
    func readGrids() {
        var plan: [GridAssignment] = []
        let present = readTable(
            .grids, columns: Columns(required: ["building_id", "households", "community_id", "grid_id"])
        ) { row in
            let buildingText = row.required("building_id", what: DataNoun.buildingID, log: &log)
            var building: Building?
            if let buildingText, checkBuilding(buildingText, row: row, column: "building_id") {
                building = buildings[BuildingID(buildingText)]
            }
            let community = row.required("community_id", what: DataNoun.communityID, log: &log)
            if let community, let building, building.communityID.rawValue != community {
                log.add(
                    row.issue(
                        "community_id", value: community,
                        problem: Message.text(
                            "data.plan.building_in_other_community",
                            ["building": building.id.rawValue, "community": building.communityID.rawValue]),
                        expected: "\(building.communityID)"))
            } else if let community {
                _ = checkCommunity(community, row: row, column: "community_id")
            }
            let grid = row.required("grid_id", what: DataNoun.gridID, log: &log)
            let households = row.requiredInteger(
                "households", in: 0...StreetLimits.maximumHouseholdsPerBuilding, what: DataNoun.households, log: &log)
            let unit = row.text("unit")
            if let unit, let building { checkUnit(unit, of: building, row: row) }
            var floors: FloorBand?
            if let text = row.text("floors") {
                floors = FloorBand(parsing: text)
                if floors == nil {
                    log.add(
                        row.issue(
                            "floors", value: text, problem: Message.text("data.plan.not_a_floor_band"),
                            expected: Message.text("data.plan.floor_band_expected")))
                }
            }
            let kind = row.text("kind").flatMap {
                vocabularyWord(
                    $0, aliases: Self.kindAliases, row: row, column: "kind", what: DataNoun.buildingKind,
                    examples: ["residential", "commercial", "school", "hospital", "market", "enterprise"])
            }
            guard let buildingText, let community, let grid, let households else { return }
            plan.append(
                GridAssignment(
                    buildingID: BuildingID(buildingText), unit: unit, floors: floors, households: households,
                    communityID: CommunityID(community), gridID: GridID(grid),
                    microGridID: row.text("micro_grid_id").map { MicroGridID($0) },
                    kind: kind.map(BuildingKind.init(rawValue:)) ?? building?.kind ?? .residential))
        }
        if present { currentPlan = plan }
    }

    /// locks.csv (optional): a building or a person pinned to a grid, micro-grid or post.
    func readLocks() {
        readTable(
            .locks, columns: Columns(required: []),
            header: { header in
                guard !header.has("building_id") && !header.has("person_id") else { return true }
                self.log.add(
                    DataIssue(
                        file: StreetFile.locks.fileName, line: 1, problem: Message.text("data.lock.missing_column"),
                        expected: Message.text("data.lock.header_expected")))
                return false
            }
        ) { row in
            let building = row.text("building_id")
            let person = row.text("person_id")
            let subject: PlanLock.Subject
            switch (building, person) {
            case (let building?, nil):
                guard checkBuilding(building, row: row, column: "building_id") else { return }
                subject = .building(BuildingID(building))
            case (nil, let person?):
                guard checkPerson(person, row: row, column: "person_id") else { return }
                subject = .person(PersonID(person))
            case (.some, .some):
                log.add(
                    row.issue(
                        "person_id", value: person, problem: Message.text("data.lock.both"),
                        expected: Message.text("data.lock.either")))
                return
            case (nil, nil):
                log.add(
                    row.issue(
                        row.header.has("building_id") ? "building_id" : "person_id", value: nil,
                        problem: Message.text("data.lock.neither"), expected: Message.text("data.lock.one_of")))
                return
            }
            let grid = row.text("grid_id")
            let microGrid = row.text("micro_grid_id")
            let post = row.text("post")
            guard grid != nil || microGrid != nil || post != nil else {
                log.add(
                    row.issue(
                        "grid_id", value: nil, problem: Message.text("data.lock.pins_nothing"),
                        expected: Message.text("data.lock.pins_expected")))
                return
            }
            locks.append(
                PlanLock(
                    subject: subject, gridID: grid.map { GridID($0) }, microGridID: microGrid.map { MicroGridID($0) },
                    post: post))
        }
    }
}
