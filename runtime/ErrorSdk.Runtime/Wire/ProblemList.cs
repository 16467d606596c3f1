using System.Collections.Generic;

namespace ErrorSdk.Wire
{
    /// <summary>
    /// The problems found reading a status, bounded: past the cap only a count is kept. A struct passed by reference,
    /// so reading a status without problems allocates nothing for them.
    /// </summary>
    internal struct ProblemList
    {
        /// <summary>How many problems are listed one by one.</summary>
        public const int MaxListed = 64;

        private List<string>? _items;
        private int _notListed;

        public void Add(string problem)
        {
            _items ??= new List<string>();
            if (_items.Count < MaxListed)
            {
                _items.Add(problem);
            }
            else
            {
                _notListed++;
            }
        }

        /// <summary>The listed problems, then one line counting the rest; null when there were none.</summary>
        public readonly IReadOnlyList<string>? ToList()
        {
            if (_items is null)
            {
                return null;
            }

            if (_notListed > 0)
            {
                _items.Add(_notListed + " more problem(s) not listed");
            }

            return _items.AsReadOnly();
        }
    }
}
