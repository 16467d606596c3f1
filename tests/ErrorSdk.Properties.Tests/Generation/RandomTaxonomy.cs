using System;
using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Properties.Tests.Model;
using CsCheck;

namespace ErrorSdk.Properties.Tests.Generation
{
    /// <summary>
    /// Random VALID taxonomies (docs/design.md "The taxonomy format (v1)"). Kinds are generated one after another, each
    /// step seeing the kinds before it, so parents are always earlier kinds and the graph is a DAG:
    /// <list type="bullet">
    /// <item>1–<see cref="MaxKinds"/> kinds, unique reasons and numbers; some numbers and reasons reserved but unused;</item>
    /// <item>up to three parents among earlier kinds, at most <see cref="MaxDepth"/> levels deep;</item>
    /// <item>abstract kinds (never in fallback_for or aliases);</item>
    /// <item>code and retry always satisfying invariant 3, each inherited from the first parent half the time, and always
    /// declared when the kind's parents resolve it differently (ESDK206: the first parent may not silently win);</item>
    /// <item>message inherited or declared, with placeholders of required non-sensitive fields, <c>{{</c>, <c>}}</c>, <c>%</c>;</item>
    /// <item>http sometimes overridden (100–599);</item>
    /// <item>fields of every type, optional and sensitive, unique along the first-parent chain; a kind that reaches an
    /// ancestor through a secondary parent redeclares that ancestor's fields it does not inherit (same shape);</item>
    /// <item>unique fallback_for codes; unique aliases that never equal a concrete kind's own (reason, code);</item>
    /// <item>match.http_status and match.transport claims, each claimed once.</item>
    /// </list>
    /// </summary>
    internal static class RandomTaxonomy
    {
        public const int MaxKinds = 25;

        public const int MaxDepth = 3;

        private static readonly RetryPolicy[] Retries = { RetryPolicy.Never, RetryPolicy.Transient, RetryPolicy.Throttled, RetryPolicy.Reauthenticate };

        private static readonly FieldType[] FieldTypes = { FieldType.String, FieldType.Int, FieldType.Bool, FieldType.Duration, FieldType.Uri };

        private static readonly string[] Transports = { "timeout", "unreachable", "undecodable", "redirect_limit", "limit_exceeded", "invalid_request", "tls" };

        /// <summary>Random valid taxonomies of 1 to <paramref name="maxKinds"/> kinds.</summary>
        public static Gen<TaxonomyModel> Taxonomy(int maxKinds = MaxKinds) =>
            from name in Names.TaxonomyName()
            from ns in Names.Namespace()
            from domain in Names.Domain()
            from version in Names.Version()
            from protoPackage in Names.ProtoPackage()
            from count in Gen.Frequency((1, Gen.Int[1, 3]), (4, Gen.Int[1, maxKinds]))
            from state in Gens.Fold(State.Empty, count, Step)
            from reservedReasons in Names.Reason().List[3]
            from reservedNumbers in Gen.Int[1, 400].List[3]
            from reservedCount in Gen.Int[0, 3]
            select new TaxonomyModel(
                name,
                ns,
                domain,
                version,
                protoPackage,
                reservedNumbers.Where(n => !state.Numbers.Contains(n)).Distinct().Take(reservedCount).ToList(),
                reservedReasons.Where(r => !state.Reasons.Contains(r) && r != "UNSPECIFIED").Distinct().Take(reservedCount).ToList(),
                state.Kinds);

        private static Gen<State> Step(State state, int index) =>
            from reasonCandidate in Names.Reason()
            from numberCandidate in Gen.Frequency((8, Gen.Int[1, 200]), (1, Gen.Int[1, int.MaxValue]), (1, Gen.Const(int.MaxValue)))
            from parentsCandidate in Parents(state)
            from isAbstract in Gens.Chance(15)
            from description in Texts.Prose()
            from deprecated in Gens.Sometimes(10, Texts.Prose())
            from ownRetry in Gens.Chance(parentsCandidate.Count == 0 ? 100 : 50)
            from retryPick in Gen.OneOf(Retries)
            from ownCode in Gens.Chance(parentsCandidate.Count == 0 ? 100 : 50)
            from codePick in Gen.Int[0, 1000]
            from http in Gens.Chance(20).SelectMany(yes => yes ? Gen.Int[100, 599].Select(h => (int?)h) : Gen.Const(default(int?)))
            from freshFieldCount in Gen.Frequency((3, Gen.Const(0)), (4, Gen.Int[1, 3]), (1, Gen.Int[4, 6]))
            from freshFields in FreshField().Array[freshFieldCount]
            let reason = Names.Unique(reasonCandidate, state.Reasons, index)
            let number = UniqueNumber(numberCandidate, state.Numbers)
            let parents = ParentsWithoutFieldConflicts(state, parentsCandidate)
            let inherited = parents.Count > 0 ? state.Resolved[parents[0]] : null
            let declaresRetry = ownRetry || inherited is null || ResolvedTaxonomy.ParentsDisagree(parents, state.Resolved, k => k.Retry)
            let retry = declaresRetry || inherited is null ? retryPick : inherited.Retry
            let code = PickCode(ownCode || ResolvedTaxonomy.ParentsDisagree(parents, state.Resolved, k => k.Code), codePick, retry, inherited)
            let fields = Fields(state, parents, freshFields, index)
            from message in Message(state, parents, fields)
            from routing in Routing(state, isAbstract, reason, code)
            from match in Match(state, isAbstract)
            select state.Add(new KindModel(
                reason,
                number,
                description,
                parents,
                code.Own ? code.Name : null,
                declaresRetry ? retry : null,
                message,
                http,
                fields,
                routing.Aliases,
                routing.FallbackFor,
                match.Transport,
                match.HttpStatus,
                deprecated,
                isAbstract));

        private static Gen<IReadOnlyList<string>> Parents(State state)
        {
            var eligible = state.Kinds.Where(k => state.Depth[k.Reason] < MaxDepth).Select(k => k.Reason).ToList();
            if (eligible.Count == 0)
            {
                return Gen.Const<IReadOnlyList<string>>(Array.Empty<string>());
            }

            return Gen.Frequency(
                (4, Gen.Const<IReadOnlyList<string>>(Array.Empty<string>())),
                (4, Gens.Subset(eligible, 1, 1)),
                (3, Gens.Subset(eligible, 2, 3)));
        }

        /// <summary>
        /// The candidate parents, or only the first of them when the secondary ones would need two different fields of
        /// one name (a diamond the validator rightly rejects).
        /// </summary>
        private static IReadOnlyList<string> ParentsWithoutFieldConflicts(State state, IReadOnlyList<string> parents) =>
            parents.Count > 1 && RequiredBySecondary(state, parents) is null ? new[] { parents[0] } : parents;

        /// <summary>
        /// The fields of ancestors reached through a secondary parent that the first-parent chain does not give the
        /// kind, which it therefore declares itself; null when two of them (or one and an inherited field) conflict.
        /// </summary>
        private static List<FieldModel>? RequiredBySecondary(State state, IReadOnlyList<string> parents)
        {
            var chain = parents.Count > 0 ? state.Resolved[parents[0]].AllFields : Array.Empty<FieldModel>();
            var required = new List<FieldModel>();
            foreach (var secondary in parents.Skip(1))
            {
                foreach (var ancestor in new[] { secondary }.Concat(state.Resolved[secondary].Ancestors))
                {
                    foreach (var field in state.Resolved[ancestor].Model.Fields)
                    {
                        var inherited = chain.FirstOrDefault(f => f.Name == field.Name);
                        var already = required.FirstOrDefault(f => f.Name == field.Name);
                        if ((inherited is not null && !inherited.SameShape(field)) || (already is not null && !already.SameShape(field)))
                        {
                            return null;
                        }

                        if (inherited is null && already is null)
                        {
                            required.Add(field);
                        }
                    }
                }
            }

            return required;
        }

        private static Gen<FieldModel> FreshField() =>
            from name in Names.Field()
            from type in Gen.OneOf(FieldTypes)
            from optional in Gens.Chance(30)
            from sensitive in Gens.Chance(20)
            from description in Gens.Sometimes(60, Texts.Prose())
            select new FieldModel(name, type, optional, sensitive, description);

        /// <summary>
        /// The redeclared fields and the fresh ones (renamed where they would clash), in ordinal order of their names:
        /// key order in the file means nothing (invariant 7), so the generator orders a kind's own fields by name.
        /// </summary>
        private static IReadOnlyList<FieldModel> Fields(State state, IReadOnlyList<string> parents, IReadOnlyList<FieldModel> fresh, int salt)
        {
            var own = new List<FieldModel>(RequiredBySecondary(state, parents) ?? new List<FieldModel>());
            var taken = new HashSet<string>(StringComparer.Ordinal);
            if (parents.Count > 0)
            {
                taken.UnionWith(state.Resolved[parents[0]].AllFields.Select(f => f.Name));
            }

            taken.UnionWith(own.Select(f => f.Name));
            foreach (var field in fresh)
            {
                var name = Names.UniqueField(field.Name, taken, salt);
                taken.Add(name);
                own.Add(field with { Name = name });
            }

            return own.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        }

        private static (bool Own, string Name) PickCode(bool own, int pick, RetryPolicy retry, ResolvedKind? inherited)
        {
            if (!own && inherited is not null && GrpcCodes.IsConsistent(inherited.Code, retry))
            {
                return (false, inherited.Code);
            }

            var allowed = GrpcCodes.AllowedFor(retry);
            return (true, allowed[pick % allowed.Count]);
        }

        /// <summary>Null (inherit) for half the children; otherwise literal pieces and placeholders of required non-sensitive fields.</summary>
        private static Gen<string?> Message(State state, IReadOnlyList<string> parents, IReadOnlyList<FieldModel> own)
        {
            var all = (parents.Count > 0 ? state.Resolved[parents[0]].AllFields : Array.Empty<FieldModel>()).Concat(own);
            var insertable = all.Where(f => !f.Optional && !f.Sensitive).Select(f => "{" + f.Name + "}").ToList();
            var piece = insertable.Count == 0
                ? Texts.TemplateLiteral().Select(Texts.EscapeBraces)
                : Gen.Frequency((3, Texts.TemplateLiteral().Select(Texts.EscapeBraces)), (2, Gen.OneOf(insertable.ToArray())));
            var declared =
                from count in Gen.Int[1, 8]
                from pieces in piece.Array[count]
                let text = string.Concat(pieces)
                select text.Trim().Length == 0 ? "Error " + text : text;
            return parents.Count == 0 ? declared.Select(m => (string?)m) : Gens.Sometimes(50, declared);
        }

        private static Gen<(IReadOnlyList<AliasModel> Aliases, IReadOnlyList<string> FallbackFor)> Routing(State state, bool isAbstract, string reason, (bool Own, string Name) code)
        {
            if (isAbstract)
            {
                return Gen.Const<(IReadOnlyList<AliasModel>, IReadOnlyList<string>)>((Array.Empty<AliasModel>(), Array.Empty<string>()));
            }

            var freeCodes = GrpcCodes.Names.Where(c => !state.FallbackCodes.Contains(c)).ToList();
            var knownReasons = state.Kinds.Select(k => k.Reason).Append(reason).ToList();
            var aliasReason = Gen.Frequency<string>(
                (2, Gen.OneOf(knownReasons.ToArray())),
                (1, Names.Reason().Select(r => "LEGACY_" + r).Select(r => r.Length > 63 ? r.Substring(0, 63).TrimEnd('_') : r)));
            var alias = from r in aliasReason
                        from c in Gen.OneOf(GrpcCodes.Names.ToArray())
                        select new AliasModel(r, c);
            return from hasFallback in Gens.Chance(20)
                   from fallback in hasFallback ? Gens.Subset(freeCodes, 1, 2) : Gen.Const<IReadOnlyList<string>>(Array.Empty<string>())
                   from hasAliases in Gens.Chance(20)
                   from candidates in hasAliases ? alias.Array[2] : Gen.Const(Array.Empty<AliasModel>())
                   select ((IReadOnlyList<AliasModel>)state.ValidAliases(candidates, reason, code.Name), fallback);
        }

        private static Gen<(IReadOnlyList<string> Transport, IReadOnlyList<string> HttpStatus)> Match(State state, bool isAbstract)
        {
            if (isAbstract)
            {
                return Gen.Const<(IReadOnlyList<string>, IReadOnlyList<string>)>((Array.Empty<string>(), Array.Empty<string>()));
            }

            var transports = Transports.Where(t => !state.TransportClaims.Contains(t)).ToList();
            var httpClaims = Gen.Frequency<string>(
                (3, Gen.Int[100, 599].Select(h => h.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                (1, Gen.OneOf("1xx", "2xx", "3xx", "4xx", "5xx")));
            return from hasTransport in Gens.Chance(10)
                   from transport in hasTransport ? Gens.Subset(transports, 1, 2) : Gen.Const<IReadOnlyList<string>>(Array.Empty<string>())
                   from hasHttp in Gens.Chance(10)
                   from http in hasHttp ? httpClaims.Array[2] : Gen.Const(Array.Empty<string>())
                   select (transport, (IReadOnlyList<string>)http.Distinct().Where(h => !state.HttpClaims.Contains(h)).ToList());
        }

        private static int UniqueNumber(int candidate, ISet<int> taken)
        {
            while (taken.Contains(candidate))
            {
                candidate = candidate == int.MaxValue ? 1 : candidate + 1;
            }

            return candidate;
        }

        /// <summary>The kinds so far and every name, number, claim and alias already taken.</summary>
        private sealed class State
        {
            public static readonly State Empty = new State();

            private State()
            {
            }

            public List<KindModel> Kinds { get; private init; } = new();

            public Dictionary<string, ResolvedKind> Resolved { get; private init; } = new(StringComparer.Ordinal);

            public Dictionary<string, int> Depth { get; private init; } = new(StringComparer.Ordinal);

            /// <summary>Kind reasons and alias reasons (a later kind never takes an alias's reason).</summary>
            public HashSet<string> Reasons { get; private init; } = new(StringComparer.Ordinal);

            public HashSet<int> Numbers { get; private init; } = new();

            public HashSet<string> FallbackCodes { get; private init; } = new(StringComparer.Ordinal);

            public HashSet<string> TransportClaims { get; private init; } = new(StringComparer.Ordinal);

            public HashSet<string> HttpClaims { get; private init; } = new(StringComparer.Ordinal);

            public List<AliasModel> Aliases { get; private init; } = new();

            /// <summary>
            /// The candidates that are new, unique, and never a concrete kind's own (reason, code), this kind's
            /// included; a later kind cannot make one shadowed because it never takes an alias's reason.
            /// </summary>
            public List<AliasModel> ValidAliases(IEnumerable<AliasModel> candidates, string reason, string code)
            {
                var accepted = new List<AliasModel>();
                foreach (var alias in candidates)
                {
                    bool shadows = (alias.Reason == reason && alias.Code == code) ||
                                   Resolved.Values.Any(k => !k.Model.IsAbstract && k.Reason == alias.Reason && k.Code == alias.Code);
                    if (!shadows && !Aliases.Contains(alias) && !accepted.Contains(alias))
                    {
                        accepted.Add(alias);
                    }
                }

                return accepted;
            }

            public State Add(KindModel kind)
            {
                var next = new State
                {
                    Kinds = new List<KindModel>(Kinds) { kind },
                    Resolved = new Dictionary<string, ResolvedKind>(Resolved, StringComparer.Ordinal),
                    Depth = new Dictionary<string, int>(Depth, StringComparer.Ordinal),
                    Reasons = new HashSet<string>(Reasons, StringComparer.Ordinal) { kind.Reason },
                    Numbers = new HashSet<int>(Numbers) { kind.Number },
                    FallbackCodes = new HashSet<string>(FallbackCodes.Concat(kind.FallbackFor), StringComparer.Ordinal),
                    TransportClaims = new HashSet<string>(TransportClaims.Concat(kind.MatchTransport), StringComparer.Ordinal),
                    HttpClaims = new HashSet<string>(HttpClaims.Concat(kind.MatchHttpStatus), StringComparer.Ordinal),
                    Aliases = new List<AliasModel>(Aliases.Concat(kind.Aliases)),
                };
                next.Reasons.UnionWith(kind.Aliases.Select(a => a.Reason));
                next.Depth[kind.Reason] = kind.Parents.Count == 0 ? 0 : 1 + kind.Parents.Max(p => Depth[p]);
                if (ResolvedTaxonomy.Disagreements(kind, Resolved) is { Count: > 0 } disagreements)
                {
                    throw new InvalidOperationException("the random taxonomy must stay valid, but the parents of " + kind.Reason + " disagree on " + string.Join(" and ", disagreements));
                }

                next.Resolved[kind.Reason] = ResolvedTaxonomy.Resolve(kind, next.Resolved);
                return next;
            }
        }
    }
}
