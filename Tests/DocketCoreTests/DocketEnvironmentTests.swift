import DocketCore
import Foundation
import Testing

/// The run's surroundings, resolved once from what the front end passes (no process state read).
@Suite struct DocketEnvironmentTests {
    @Test func nowAndTodayComeFromOneVariable() throws {
        let env = try DocketEnvironment.resolve(variables: ["DOCKET_NOW": "2024-03-05T10:11:12Z"], executable: "", currentDirectory: "/")
        #expect(env.today.description == "2024-03-05")
        #expect(env.now.timeIntervalSince1970 == 1_709_633_472)
        let day = try DocketEnvironment.resolve(variables: ["DOCKET_NOW": "2023-09-29"], executable: "", currentDirectory: "/")
        #expect(day.today.description == "2023-09-29")
        #expect(throws: DocketEnvironment.Problem.badNow("soon")) {
            _ = try DocketEnvironment.resolve(variables: ["DOCKET_NOW": "soon"], executable: "", currentDirectory: "/")
        }
    }

    @Test func todayIsTheLocalDateOfTheClock() throws {
        let clock = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14T22:13:20Z
        let utc = try DocketEnvironment.resolve(variables: [:], executable: "", currentDirectory: "/", clock: clock,
                                                timeZone: TimeZone(secondsFromGMT: 0) ?? .current)
        #expect(utc.today.description == "2023-11-14")
        let tokyo = try DocketEnvironment.resolve(variables: [:], executable: "", currentDirectory: "/", clock: clock,
                                                  timeZone: TimeZone(secondsFromGMT: 9 * 3600) ?? .current)
        #expect(tokyo.today.description == "2023-11-15")
    }

    @Test func pathsAndUser() throws {
        let env = try DocketEnvironment.resolve(variables: ["DOCKET_HOME": "/srv/docket", "XDG_DATA_HOME": "/x", "USER": "u"],
                                                executable: "", currentDirectory: "/")
        #expect(env.projectRoot?.path == "/srv/docket")
        #expect(env.schedulePath == "/srv/docket/Schemas/schedule/masshealth-schedule.yaml")
        #expect(env.databasePath == "/x/docket/tracker.sqlite")
        #expect(env.user == "u")
        let explicit = try DocketEnvironment.resolve(variables: ["DOCKET_SCHEDULE": "/s.yaml", "DOCKET_DB": "/d.sqlite", "DOCKET_USER": "lead",
                                                                 "USER": "u", "DOCKET_BUSY_TIMEOUT": "0.5"], executable: "", currentDirectory: "/")
        #expect(explicit.schedulePath == "/s.yaml" && explicit.databasePath == "/d.sqlite" && explicit.user == "lead")
        #expect(explicit.busyTimeout == 0.5)
    }

    @Test func anInstalledBinaryFindsShareDocket() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("env-\(UUID().uuidString)")
        for dir in ["bin", "share/docket/Templates", "share/docket/Schemas"] {
            try FileManager.default.createDirectory(at: prefix.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        let env = try DocketEnvironment.resolve(variables: [:], executable: prefix.appendingPathComponent("bin/docket").path,
                                                currentDirectory: "/")
        #expect(env.projectRoot?.standardizedFileURL.path == prefix.appendingPathComponent("share/docket").standardizedFileURL.path)
    }
}
