import GridModel

extension Street {
    /// The street moved by (`dx`, `dy`) metres: buildings, barriers and people's home positions.
    func translated(dx: Double, dy: Double) -> Street {
        func move(_ point: PlanarPoint) -> PlanarPoint { PlanarPoint(x: point.x + dx, y: point.y + dy) }
        var street = self
        for index in street.buildings.indices {
            street.buildings[index].position = move(street.buildings[index].position)
        }
        street.barriers = street.barriers.map { Segment(start: move($0.start), end: move($0.end)) }
        for index in street.people.indices {
            if case .point(let point) = street.people[index].home {
                street.people[index].home = .point(move(point))
            }
        }
        return street
    }
}
