import ArgumentParser
import DocketWorkspace
import Foundation

/// `docket admin user add|list|disable`: the workspace's users.
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "admin", abstract: "Manage the web workspace's users.",
        subcommands: [UserCommand.self])

    struct UserCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "user", abstract: "Add, list or disable users.",
            subcommands: [Add.self, List.self, Disable.self])
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user (a random password is printed unless --password-stdin).")
        @Argument(help: "User name.") var name: String
        @Option(help: "admin, preparer, reviewer or viewer.") var role: Role
        @Option(name: .customLong("entity"), help: "Entity abbreviation a preparer works for; repeatable.") var entities: [String] = []
        @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input.") var passwordStdin = false
        @OptionGroup var store: WorkspaceOptions

        func validate() throws {
            if role == .preparer && entities.isEmpty { throw ValidationError("a preparer works for entities: add --entity ABBR") }
        }

        func run() throws {
            let password = passwordStdin ? (readLine(strippingNewline: true) ?? "") : String(UUID().uuidString.prefix(18))
            do {
                let user = try store.open().addUser(name: name, role: role, entities: entities, password: password)
                print("added \(user.name) (\(user.role.rawValue))" + (passwordStdin ? "" : "; password: \(password)"))
            } catch let e as WorkspaceError {
                throw ValidationError("\(e)")
            }
        }
    }

    struct List: ParsableCommand {
        @OptionGroup var store: WorkspaceOptions
        func run() throws {
            for u in try store.open().store.users() {
                print("\(u.name)\t\(u.role.rawValue)\t\(u.entities.joined(separator: ","))\(u.disabled ? "\tdisabled" : "")")
            }
        }
    }

    struct Disable: ParsableCommand {
        @Argument(help: "User name.") var name: String
        @OptionGroup var store: WorkspaceOptions
        func run() throws {
            do { try store.open().store.setDisabled(name, true) } catch { throw ValidationError("no user named \(name)") }
            print("disabled \(name)")
        }
    }
}

extension Role: ExpressibleByArgument {}
