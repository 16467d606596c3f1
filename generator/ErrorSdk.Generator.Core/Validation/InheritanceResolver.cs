using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Diagnostics;

namespace ErrorSdk.Generator.Validation
{
    /// <summary>
    /// Links parents, orders kinds topologically (Kahn's algorithm: iterative, so a 1,000-deep chain is no deeper on
    /// the stack than a flat list), reports cycles, then resolves inherited values parent-first. Inheritance of code,
    /// retry, message, http and fields follows the first parent only (the first parent is the class base). A kind that
    /// does not declare its code or retry while its parents resolve them differently is ESDK206: the child must say
    /// which one it means.
    /// </summary>
    internal static class InheritanceResolver
    {
        public static void Resolve(ValidationContext context)
        {
            foreach (var kind in context.Kinds)
            {
                Link(context, kind);
            }

            Order(context);
            ReportCycles(context);
            foreach (var kind in context.TopologicalOrder)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                kind.Acyclic = true;
                CollectAncestors(kind);
                ResolveValues(context, kind);
            }

            foreach (var kind in context.TopologicalOrder)
            {
                if (kind.Resolved)
                {
                    FieldRules.CheckDiamonds(context, kind);
                }
            }
        }

        private static void Link(ValidationContext context, KindState kind)
        {
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            string reason = NameRules.Shorten(kind.Reason);
            for (int i = 0; i < kind.Raw.Parents.Count; i++)
            {
                var parent = kind.Raw.Parents[i];
                if (parent.Value == kind.Reason)
                {
                    context.Diagnostics.Report(DiagnosticIds.SelfParent, parent.Span, reason);
                    kind.FirstParentInvalid |= i == 0;
                }
                else if (!seen.Add(parent.Value))
                {
                    context.Diagnostics.Report(DiagnosticIds.DuplicateParent, parent.Span, reason, NameRules.Shorten(parent.Value));
                }
                else if (!context.ByReason.TryGetValue(parent.Value, out var target))
                {
                    context.Diagnostics.Report(DiagnosticIds.UnknownParent, parent.Span, reason, NameRules.Shorten(parent.Value));
                    kind.FirstParentInvalid |= i == 0;
                }
                else
                {
                    kind.Parents.Add(target);
                }
            }
        }

        private static void Order(ValidationContext context)
        {
            var pending = new Dictionary<KindState, int>();
            var children = new Dictionary<KindState, List<KindState>>();
            var ready = new Queue<KindState>();
            foreach (var kind in context.Kinds)
            {
                pending[kind] = kind.Parents.Count;
                foreach (var parent in kind.Parents)
                {
                    if (!children.TryGetValue(parent, out var list))
                    {
                        children[parent] = list = new List<KindState>();
                    }

                    list.Add(kind);
                }

                if (kind.Parents.Count == 0)
                {
                    ready.Enqueue(kind);
                }
            }

            while (ready.Count > 0)
            {
                var kind = ready.Dequeue();
                context.TopologicalOrder.Add(kind);
                if (!children.TryGetValue(kind, out var list))
                {
                    continue;
                }

                foreach (var child in list)
                {
                    if (--pending[child] == 0)
                    {
                        ready.Enqueue(child);
                    }
                }
            }
        }

        /// <summary>Kinds left out of the order are in a cycle or below one; walk parents among them to name each cycle once.</summary>
        private static void ReportCycles(ValidationContext context)
        {
            var ordered = new HashSet<KindState>(context.TopologicalOrder);
            var walked = new HashSet<KindState>();
            foreach (var start in context.Kinds)
            {
                if (ordered.Contains(start) || walked.Contains(start))
                {
                    continue;
                }

                var path = new List<KindState>();
                var positions = new Dictionary<KindState, int>();
                var current = start;
                while (!walked.Contains(current))
                {
                    walked.Add(current);
                    positions[current] = path.Count;
                    path.Add(current);
                    current = current.Parents.First(p => !ordered.Contains(p));
                }

                if (positions.TryGetValue(current, out int at))
                {
                    ReportCycle(context, path.GetRange(at, path.Count - at));
                }
            }
        }

        private static void ReportCycle(ValidationContext context, List<KindState> cycle)
        {
            // Start at the kind declared first, so the message does not depend on where the walk began.
            int first = cycle.IndexOf(cycle.OrderBy(k => k.Index).First());
            var rotated = cycle.Skip(first).Concat(cycle.Take(first)).ToList();
            var names = rotated.Select(k => NameRules.Shorten(k.Reason)).ToList();
            string text = names.Count <= 8
                ? string.Join(" -> ", names) + " -> " + names[0]
                : string.Join(" -> ", names.Take(4)) + " -> ... -> " + string.Join(" -> ", names.Skip(names.Count - 2)) + " -> " + names[0]
                  + " (" + names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " kinds)";
            var owner = rotated[0];
            var next = rotated.Count > 1 ? rotated[1] : rotated[0];
            var span = owner.Raw.Parents.FirstOrDefault(p => p.Value == next.Reason)?.Span ?? owner.Raw.ReasonSpan;
            context.Diagnostics.Report(DiagnosticIds.InheritanceCycle, span, text);
        }

        private static void CollectAncestors(KindState kind)
        {
            var seen = new HashSet<KindState>();
            var queue = new Queue<KindState>(kind.Parents);
            while (queue.Count > 0)
            {
                var ancestor = queue.Dequeue();
                if (!seen.Add(ancestor))
                {
                    continue;
                }

                kind.Ancestors.Add(ancestor);
                foreach (var parent in ancestor.Parents)
                {
                    queue.Enqueue(parent);
                }
            }
        }

        private static void ResolveValues(ValidationContext context, KindState kind)
        {
            var raw = kind.Raw;
            if (kind.Broken || raw.ParentsInvalid || kind.FirstParentInvalid)
            {
                return;
            }

            KindState? first = kind.Parents.Count > 0 ? kind.Parents[0] : null;
            if (first == null)
            {
                bool complete = true;
                foreach (var required in new[] { "code", "retry", "message" })
                {
                    if (!raw.Has(required))
                    {
                        context.Diagnostics.Report(DiagnosticIds.RootMissingRequired, raw.ReasonSpan, NameRules.Shorten(kind.Reason), required);
                        complete = false;
                    }
                }

                if (!complete)
                {
                    return;
                }

                kind.Code = kind.OwnCode!.Value;
                kind.Retry = kind.OwnRetry!.Value;
                kind.Message = kind.OwnMessage!.Spec;
                kind.Http = kind.OwnHttp ?? GrpcCodeTable.HttpStatusOf(kind.Code);
            }
            else
            {
                if (!first.Resolved)
                {
                    return;
                }

                CheckParentsAgree(context, kind);
                kind.Code = kind.OwnCode ?? first.Code;
                kind.Retry = kind.OwnRetry ?? first.Retry;
                kind.Message = kind.OwnMessage?.Spec ?? first.Message;

                // A kind that changes its code but not its http takes the new code's status, not the parent's.
                kind.Http = kind.OwnHttp ?? (kind.OwnCode is int own ? GrpcCodeTable.HttpStatusOf(own) : first.Http);
            }

            kind.FieldsIncomplete |= first?.FieldsIncomplete ?? false;
            FieldRules.ResolveAllFields(context, kind, first);
            kind.Resolved = true;
        }

        /// <summary>
        /// ESDK206: a kind that inherits code or retry from several parents that resolve them differently. Reported once
        /// per property at the kind's 'parents'; resolution still follows the first parent so nothing piles on below.
        /// Parents that are not resolved (already reported) are left out of the comparison.
        /// </summary>
        private static void CheckParentsAgree(ValidationContext context, KindState kind)
        {
            if (kind.Parents.Count < 2)
            {
                return;
            }

            var parents = kind.Parents.Where(p => p.Resolved).ToList();
            if (!kind.Raw.Has("code"))
            {
                ReportDisagreement(context, kind, "code", parents, p => GrpcCodeTable.NameOf(p.Code));
            }

            if (!kind.Raw.Has("retry"))
            {
                ReportDisagreement(context, kind, "retry", parents, p => Vocabulary.NameOf(p.Retry));
            }
        }

        private static void ReportDisagreement(ValidationContext context, KindState kind, string property, List<KindState> parents, System.Func<KindState, string> valueOf)
        {
            if (parents.Select(valueOf).Distinct(System.StringComparer.Ordinal).Count() < 2)
            {
                return;
            }

            string values = string.Join(", ", parents.Select(p => NameRules.Shorten(p.Reason) + " has " + valueOf(p)));
            var span = kind.Raw.PropertyNames.TryGetValue("parents", out var at) ? at : kind.Raw.ReasonSpan;
            context.Diagnostics.Report(DiagnosticIds.DiamondValueConflict, span, NameRules.Shorten(kind.Reason), property, values);
        }
    }
}
