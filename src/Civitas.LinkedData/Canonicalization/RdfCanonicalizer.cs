using System.Security.Cryptography;
using System.Text;
using Civitas.LinkedData.Rdf;

namespace Civitas.LinkedData.Canonicalization;

/// <summary>RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation; formerly URDNA2015).</summary>
public static class RdfCanonicalizer
{
    public static CanonicalizationResult Canonicalize(IEnumerable<RdfQuad> dataset, CanonicalizationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        // A dataset is a set: a statement listed twice is one statement.
        return new Run([.. dataset.Distinct()], options ?? CanonicalizationOptions.Default).Execute();
    }

    /// <summary>The state of one canonicalization (section 4.2 of the specification).</summary>
    private sealed class Run(IReadOnlyList<RdfQuad> quads, CanonicalizationOptions options)
    {
        private readonly Dictionary<string, List<RdfQuad>> _blankNodeToQuads = new(StringComparer.Ordinal);
        private readonly IdentifierIssuer _canonicalIssuer = new("c14n");
        private readonly Dictionary<string, int> _deepIterations = new(StringComparer.Ordinal);
        private readonly StringBuilder _scratch = new(256);
        private int _maxDeepIterations = int.MaxValue;
        private int _permutations;

        public CanonicalizationResult Execute()
        {
            foreach (var quad in quads)
            {
                AddBlankNode(quad.Subject, quad);
                AddBlankNode(quad.Object, quad);
                if (quad.Graph is not null)
                {
                    AddBlankNode(quad.Graph, quad);
                }
            }

            // Step 3: first-degree hashes, grouped.
            var hashToBlankNodes = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var node in _blankNodeToQuads.Keys)
            {
                var hash = HashFirstDegree(node);
                if (!hashToBlankNodes.TryGetValue(hash, out var list))
                {
                    hashToBlankNodes[hash] = list = [];
                }

                list.Add(node);
            }

            // Step 4: nodes with a unique first-degree hash get their canonical id in hash order.
            var shared = new List<List<string>>();
            foreach (var (_, nodes) in hashToBlankNodes)
            {
                if (nodes.Count == 1)
                {
                    _canonicalIssuer.Issue(nodes[0]);
                }
                else
                {
                    shared.Add(nodes);
                }
            }

            var nonUnique = shared.Sum(l => l.Count);
            if (nonUnique > 0)
            {
                _maxDeepIterations = (int)Math.Min(int.MaxValue, Math.Pow(nonUnique, options.MaxWorkFactor));
            }

            // Step 5: the rest are told apart by their N-degree hashes.
            foreach (var nodes in shared)
            {
                var pathList = new List<(string Hash, IdentifierIssuer Issuer)>();
                foreach (var node in nodes)
                {
                    if (_canonicalIssuer.Has(node))
                    {
                        continue;
                    }

                    var temporary = new IdentifierIssuer("b");
                    temporary.Issue(node);
                    pathList.Add(HashNDegree(node, temporary));
                }

                pathList.Sort((a, b) => string.CompareOrdinal(a.Hash, b.Hash));
                foreach (var (_, issuer) in pathList)
                {
                    foreach (var existing in issuer.IssuedOrder)
                    {
                        _canonicalIssuer.Issue(existing);
                    }
                }
            }

            // Step 6: relabel, serialize, sort.
            var relabelled = new List<RdfQuad>(quads.Count);
            var lines = new List<string>(quads.Count);
            foreach (var quad in quads)
            {
                var q = new RdfQuad(Relabel(quad.Subject), quad.Predicate, Relabel(quad.Object), quad.Graph is null ? null : Relabel(quad.Graph));
                relabelled.Add(q);
                lines.Add(NQuadsWriter.Write(q));
            }

            var order = Enumerable.Range(0, lines.Count).ToArray();
            Array.Sort(order, (a, b) => CodePointComparer.Instance.Compare(lines[a], lines[b]));
            var sb = new StringBuilder(lines.Sum(l => l.Length));
            var sortedQuads = new List<RdfQuad>(lines.Count);
            string? previous = null;
            foreach (var i in order)
            {
                // A dataset is a set: identical statements appear once.
                if (lines[i] == previous)
                {
                    continue;
                }

                previous = lines[i];
                sb.Append(lines[i]);
                sortedQuads.Add(relabelled[i]);
            }

            return new CanonicalizationResult(sb.ToString(), sortedQuads, _canonicalIssuer.Issued);
        }

        private void AddBlankNode(RdfTerm term, RdfQuad quad)
        {
            if (!term.IsBlank)
            {
                return;
            }

            if (!_blankNodeToQuads.TryGetValue(term.Value, out var list))
            {
                _blankNodeToQuads[term.Value] = list = [];
            }

            // A node that appears twice in one quad is still listed once for it.
            if (list.Count == 0 || !ReferenceEquals(list[^1], quad))
            {
                list.Add(quad);
            }
        }

        private RdfTerm Relabel(RdfTerm term) =>
            term.IsBlank ? RdfTerm.Blank(_canonicalIssuer.Issue(term.Value)) : term;

        // Section 4.6: hash of the node's quads with itself as _:a and every other blank node as _:z.
        private string HashFirstDegree(string reference)
        {
            var nquads = new List<string>();
            foreach (var quad in _blankNodeToQuads[reference])
            {
                _scratch.Clear();
                NQuadsWriter.Append(_scratch, quad, reference, null);
                nquads.Add(_scratch.ToString());
            }

            nquads.Sort(CodePointComparer.Instance);
            return HashHex(string.Concat(nquads));
        }

        // Section 4.7.
        private string HashRelated(string related, RdfQuad quad, IdentifierIssuer issuer, char position)
        {
            string identifier;
            if (_canonicalIssuer.TryGet(related, out var canonical))
            {
                identifier = "_:" + canonical;
            }
            else if (issuer.TryGet(related, out var temporary))
            {
                identifier = "_:" + temporary;
            }
            else
            {
                identifier = HashFirstDegree(related);
            }

            var input = position == 'g' ? "g" + identifier : position + "<" + quad.Predicate.Value + ">" + identifier;
            return HashHex(input);
        }

        // Section 4.8.
        private (string Hash, IdentifierIssuer Issuer) HashNDegree(string identifier, IdentifierIssuer issuer)
        {
            var count = _deepIterations.GetValueOrDefault(identifier) + 1;
            if (count > _maxDeepIterations)
            {
                throw new CanonicalizationLimitExceededException(
                    $"RDFC-1.0 work limit reached: blank node needed more than {_maxDeepIterations} N-degree hash rounds (poison graph?).");
            }

            _deepIterations[identifier] = count;

            var hashToRelated = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var quad in _blankNodeToQuads[identifier])
            {
                AddRelated(quad.Subject, 's');
                AddRelated(quad.Object, 'o');
                if (quad.Graph is not null)
                {
                    AddRelated(quad.Graph, 'g');
                }

                void AddRelated(RdfTerm term, char position)
                {
                    if (!term.IsBlank || term.Value == identifier)
                    {
                        return;
                    }

                    var hash = HashRelated(term.Value, quad, issuer, position);
                    if (!hashToRelated.TryGetValue(hash, out var list))
                    {
                        hashToRelated[hash] = list = [];
                    }

                    list.Add(term.Value);
                }
            }

            var dataToHash = new StringBuilder();
            foreach (var (relatedHash, related) in hashToRelated)
            {
                dataToHash.Append(relatedHash);
                string? chosenPath = null;
                IdentifierIssuer? chosenIssuer = null;

                foreach (var permutation in Permutations(related))
                {
                    if (++_permutations > options.MaxPermutations)
                    {
                        throw new CanonicalizationLimitExceededException(
                            $"RDFC-1.0 work limit reached: more than {options.MaxPermutations} blank node orderings (poison graph?).");
                    }

                    var issuerCopy = issuer.Clone();
                    var path = new StringBuilder();
                    var recursionList = new List<string>();
                    var skip = false;

                    foreach (var node in permutation)
                    {
                        if (_canonicalIssuer.TryGet(node, out var canonical))
                        {
                            path.Append("_:").Append(canonical);
                        }
                        else
                        {
                            if (!issuerCopy.Has(node))
                            {
                                recursionList.Add(node);
                            }

                            path.Append("_:").Append(issuerCopy.Issue(node));
                        }

                        if (chosenPath is not null && IsWorse(path, chosenPath))
                        {
                            skip = true;
                            break;
                        }
                    }

                    if (skip)
                    {
                        continue;
                    }

                    foreach (var node in recursionList)
                    {
                        var result = HashNDegree(node, issuerCopy);
                        path.Append("_:").Append(issuerCopy.Issue(node));
                        path.Append('<').Append(result.Hash).Append('>');
                        issuerCopy = result.Issuer;
                        if (chosenPath is not null && IsWorse(path, chosenPath))
                        {
                            skip = true;
                            break;
                        }
                    }

                    if (skip)
                    {
                        continue;
                    }

                    var candidate = path.ToString();
                    if (chosenPath is null || string.CompareOrdinal(candidate, chosenPath) < 0)
                    {
                        chosenPath = candidate;
                        chosenIssuer = issuerCopy;
                    }
                }

                dataToHash.Append(chosenPath);
                issuer = chosenIssuer!;
            }

            return (HashHex(dataToHash.ToString()), issuer);
        }

        private static bool IsWorse(StringBuilder path, string chosen) =>
            path.Length >= chosen.Length && string.CompareOrdinal(path.ToString(), chosen) > 0;

        private string HashHex(string input)
        {
            var bytes = Encoding.UTF8.GetBytes(input);
            var digest = options.Hash == CanonicalizationHash.Sha384 ? SHA384.HashData(bytes) : SHA256.HashData(bytes);
            return Convert.ToHexStringLower(digest);
        }
    }

    /// <summary>All orderings of the list, in lexicographic order of the sorted identifiers.</summary>
    private static IEnumerable<string[]> Permutations(List<string> items)
    {
        var current = items.ToArray();
        Array.Sort(current, StringComparer.Ordinal);
        while (true)
        {
            yield return (string[])current.Clone();
            var i = current.Length - 2;
            while (i >= 0 && string.CompareOrdinal(current[i], current[i + 1]) >= 0)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            var j = current.Length - 1;
            while (string.CompareOrdinal(current[j], current[i]) <= 0)
            {
                j--;
            }

            (current[i], current[j]) = (current[j], current[i]);
            Array.Reverse(current, i + 1, current.Length - i - 1);
        }
    }
}
