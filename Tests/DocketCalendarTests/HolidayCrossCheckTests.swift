import DocketCore
import DocketTestSupport
import Foundation
import Testing
@testable import DocketCalendar

/// Massachusetts holidays against an independent implementation: Python `holidays`
/// (`holidays.US(subdiv="MA")`), which lists each holiday and, when moved, its observed day.
@Suite struct HolidayCrossCheckTests {
    @Test func matchesPythonHolidaysForMassachusetts() throws {
        let python = TestPaths.packageRoot.appendingPathComponent(".venv/bin/python").path
        #expect(FileManager.default.isExecutableFile(atPath: python), "run `bash scripts/setup.sh test` to create .venv")
        let years = 2011...2035
        let code = """
            import sys, holidays
            h = holidays.US(subdiv="MA", years=range(\(years.lowerBound), \(years.upperBound + 1)))
            print("\\n".join(sorted(d.isoformat() for d in h)))
            """
        let r = try ProcessRunner.run(python, ["-c", code])
        #expect(r.status == 0, "\(r.stderr)")
        let theirs = Set(r.stdout.split(separator: "\n").map(String.init))
        let ma = MassachusettsHolidays()
        var ours = Set<String>()
        for y in years {
            for h in ma.holidays(in: y) { ours.insert(h.date.description); ours.insert(h.observed.description) }
        }
        #expect(theirs.count > 300)
        #expect(ours.subtracting(theirs).sorted() == [], "days Docket treats as holidays that holidays.US(MA) does not")
        #expect(theirs.subtracting(ours).sorted() == [], "days holidays.US(MA) lists that Docket does not")
    }
}
