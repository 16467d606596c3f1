using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Cli.Emitting.Sdk
{
    /// <summary>Turns a validated taxonomy into the template model of one language: every name and order decided here.</summary>
    internal static class SdkModelBuilder
    {
        /// <summary>The model of <paramref name="spec"/> for <paramref name="language"/>, with the package <paramref name="package"/>.</summary>
        public static TaxonomyModel Build(TaxonomySpec spec, SdkLanguage language, string package)
        {
            var classNames = ClassNames(spec);
            var models = new Dictionary<string, KindModel>(StringComparer.Ordinal);
            var byReason = spec.Kinds.ToDictionary(k => k.Reason, StringComparer.Ordinal);

            // Parents first (a Python class needs its bases defined), then by number.
            var ordered = new List<KindSpec>();
            var placed = new HashSet<string>(StringComparer.Ordinal);
            void Place(KindSpec kind)
            {
                if (!placed.Add(kind.Reason))
                {
                    return;
                }

                foreach (var parent in kind.Parents)
                {
                    Place(byReason[parent]);
                }

                ordered.Add(kind);
            }

            foreach (var kind in spec.Kinds.OrderBy(k => k.Number))
            {
                Place(kind);
            }

            foreach (var kind in ordered)
            {
                models[kind.Reason] = BuildKind(kind, language, classNames, models, byReason);
            }

            var aliases = spec.Kinds
                .SelectMany(k => k.Aliases.Select(a => new AliasModel { Reason = a.Reason, CodeValue = a.CodeValue, CodeName = a.CodeName, Kind = models[k.Reason] }))
                .OrderBy(a => a.Reason, StringComparer.Ordinal).ThenBy(a => a.CodeValue)
                .ToList();
            var fallbacks = spec.Kinds.Where(k => !k.IsAbstract)
                .SelectMany(k => k.FallbackFor.Select(code => new FallbackModel
                {
                    CodeValue = ErrorSdk.Generator.Conventions.GrpcCodeTable.ValueOf(code),
                    CodeName = code,
                    Kind = models[k.Reason],
                }))
                .OrderBy(f => f.CodeValue)
                .ToList();

            return new TaxonomyModel
            {
                Name = spec.Name,
                Domain = spec.Domain,
                Version = spec.Version,
                ProtoPackage = spec.ProtoPackage,
                Source = Path.GetFileName(spec.SourcePath),
                Package = package,
                Kinds = ordered.Select(k => models[k.Reason]).ToList(),
                ConcreteKinds = spec.Kinds.Where(k => !k.IsAbstract).OrderBy(k => k.Number).Select(k => models[k.Reason]).ToList(),
                Aliases = aliases,
                Fallbacks = fallbacks,
            };
        }

        private static KindModel BuildKind(KindSpec kind, SdkLanguage language, Dictionary<string, string> classNames, Dictionary<string, KindModel> built, Dictionary<string, KindSpec> byReason)
        {
            var fields = kind.AllFields.Select(f => BuildField(f, language)).ToList();
            var fieldsByName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            var ancestors = kind.Ancestors.Select(a => built[a]).ToList();
            var parts = kind.Message.Parts
                .Where(p => p.IsField || p.Value.Length > 0)
                .Select(p => p.IsField
                    ? new MessagePartModel { IsField = true, Field = fieldsByName[p.Value] }
                    : new MessagePartModel { Text = p.Value })
                .ToList();

            // A parent another parent already derives from adds nothing to isinstance and could break Python's MRO.
            var bases = kind.Parents
                .Where(p => !kind.Parents.Any(other => other != p && byReason[other].Ancestors.Contains(p)))
                .Select(p => classNames[p])
                .ToList();
            var pascal = kind.PascalName;
            var selfAndAncestors = new List<KindModel>(ancestors.Count + 1);
            var model = new KindModel
            {
                Reason = kind.Reason,
                Number = kind.Number,
                Description = kind.Description,
                PascalName = pascal,
                ClassName = classNames[kind.Reason],
                SentinelName = "Err" + pascal,
                ConstantName = "Reason" + pascal,
                ConstructorName = "New" + classNames[kind.Reason],
                CodeName = kind.CodeName,
                CodeIdentifier = language.CodeIdentifier(kind.CodeName),
                CodeValue = kind.CodeValue,
                HttpStatus = kind.HttpStatus,
                Retry = Vocabulary.NameOf(kind.Retry),
                RetryIdentifier = language.RetryIdentifier(kind.Retry),
                IsAbstract = kind.IsAbstract,
                Deprecated = kind.Deprecated,
                Parents = kind.Parents.ToList(),
                BaseClasses = bases,
                Ancestors = ancestors,
                SelfAndAncestors = selfAndAncestors,
                OwnFields = kind.OwnFields.Select(f => fieldsByName[f.Name]).ToList(),
                Fields = fields,
                RequiredFields = fields.Where(f => !f.Optional).ToList(),
                OptionalFields = fields.Where(f => f.Optional).ToList(),
                MessageTemplate = kind.Message.Text,
                MessageParts = parts,
                HasPlaceholders = parts.Any(p => p.IsField),
            };
            selfAndAncestors.Add(model);
            selfAndAncestors.AddRange(ancestors);
            return model;
        }

        private static FieldModel BuildField(FieldSpec field, SdkLanguage language) => new FieldModel
        {
            Name = field.Name,
            Member = language.Member(field),
            Parameter = language.Parameter(field),
            Type = Vocabulary.NameOf(field.Type),
            TypeName = language.TypeName(field.Type, field.Optional),
            BaseTypeName = language.TypeName(field.Type, optional: false),
            Optional = field.Optional,
            Sensitive = field.Sensitive,
            Description = field.Description,
            DeclaringReason = field.DeclaringReason,
        };

        /// <summary><c>ToolRateLimitError</c>; a kind whose name already ends in Error keeps it (<c>ToolError</c>) unless another kind would take that name.</summary>
        private static Dictionary<string, string> ClassNames(TaxonomySpec spec)
        {
            var suffixed = new HashSet<string>(spec.Kinds.Select(k => k.PascalName + "Error"), StringComparer.Ordinal);
            return spec.Kinds.ToDictionary(
                k => k.Reason,
                k => k.PascalName.EndsWith("Error", StringComparison.Ordinal) && k.PascalName != "Error" && !suffixed.Contains(k.PascalName)
                    ? k.PascalName
                    : k.PascalName + "Error",
                StringComparer.Ordinal);
        }
    }
}
