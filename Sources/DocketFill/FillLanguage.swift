import DocketCore
import DocketDeliverables
import Foundation

extension FillTarget {
    /// The fields this target can translate (`Translations.fields(schema:)` of its schema); nil
    /// without a schema (then the fields the data's translations give).
    public func translatableFields() -> [String]? {
        guard let url = schemaURL, let schema = try? DataLoader.load(path: url.path) else { return nil }
        return Translations.fields(schema: schema.value)
    }
}

extension FillPipeline {
    /// `data` (loaded from `loaded`) in the request's language: the translated data, its
    /// translated paths and fallback warnings; a `.usage` result for a malformed language tag.
    func translated(_ data: JSONValue, _ loaded: LoadedData, _ tag: String) -> Result<(Translations.Language, Translations.Result), FillFailure> {
        guard let language = Translations.Language(tag) else {
            return .failure(FillFailure(result: FillResult(status: .usage, diagnostics: [
                Diagnostic(.error, rule: "fill.language", "'\(tag)' is not a language tag: use e.g. es, pt or pt-BR (the keys of translations in the data)"),
            ])))
        }
        let input = LoadedData(value: data, sourceMap: loaded.sourceMap, path: loaded.path)
        return .success((language, Translations.apply(language, to: input, fields: target.translatableFields())))
    }
}

/// A fill that stops early, with its result.
struct FillFailure: Error {
    var result: FillResult
}
