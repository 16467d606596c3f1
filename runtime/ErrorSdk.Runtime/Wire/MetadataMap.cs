using System;
using System.Collections;
using System.Collections.Generic;

namespace ErrorSdk.Wire
{
    /// <summary>
    /// The read-only metadata of a received ErrorInfo: entries in arrival order, a repeated key keeping its first
    /// position and its last value (proto map semantics, as a <see cref="Dictionary{TKey,TValue}"/> filled in order
    /// would). One object and one array instead of a dictionary, its buckets and a read-only wrapper: metadata has a
    /// handful of entries, which a linear scan finds faster than a hash; past <see cref="IndexThreshold"/> entries a
    /// key index keeps lookups (and building) linear in the size of the map.
    /// </summary>
    internal sealed class MetadataMap : IReadOnlyDictionary<string, string>
    {
        /// <summary>The number of entries above which keys are indexed.</summary>
        internal const int IndexThreshold = 8;

        private readonly KeyValuePair<string, string>[] _entries;
        private readonly int _count;
        private readonly Dictionary<string, int>? _index;

        private MetadataMap(KeyValuePair<string, string>[] entries, int count, Dictionary<string, int>? index)
        {
            _entries = entries;
            _count = count;
            _index = index;
        }

        /// <summary>The empty map, shared.</summary>
        public static MetadataMap Empty { get; } = new MetadataMap(Array.Empty<KeyValuePair<string, string>>(), 0, null);

        /// <inheritdoc />
        public int Count => _count;

        /// <inheritdoc />
        public IEnumerable<string> Keys
        {
            get
            {
                for (int i = 0; i < _count; i++)
                {
                    yield return _entries[i].Key;
                }
            }
        }

        /// <inheritdoc />
        public IEnumerable<string> Values
        {
            get
            {
                for (int i = 0; i < _count; i++)
                {
                    yield return _entries[i].Value;
                }
            }
        }

        /// <inheritdoc />
        public string this[string key] => TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException("The given key '" + key + "' was not present in the dictionary.");

        /// <inheritdoc />
        public bool ContainsKey(string key) => IndexOf(_entries, _count, _index, key) >= 0;

        /// <inheritdoc />
        public bool TryGetValue(string key, out string value)
        {
            int index = IndexOf(_entries, _count, _index, key);
            if (index < 0)
            {
                value = null!;
                return false;
            }

            value = _entries[index].Value;
            return true;
        }

        /// <inheritdoc />
        public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
        {
            for (int i = 0; i < _count; i++)
            {
                yield return _entries[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private static int IndexOf(KeyValuePair<string, string>[] entries, int count, Dictionary<string, int>? index, string key)
        {
            if (key is null)
            {
                // As a dictionary does.
                throw new ArgumentNullException(nameof(key));
            }

            if (index is not null)
            {
                return index.TryGetValue(key, out int position) ? position : -1;
            }

            for (int i = 0; i < count; i++)
            {
                if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Collects entries in arrival order; <see cref="Set"/> has proto map semantics (the last value wins).</summary>
        internal struct Builder
        {
            private KeyValuePair<string, string>[]? _entries;
            private int _count;
            private Dictionary<string, int>? _index;

            /// <summary>The number of distinct keys so far.</summary>
            public readonly int Count => _count;

            /// <summary>Whether <paramref name="key"/> was set.</summary>
            public readonly bool ContainsKey(string key) => _entries is not null && IndexOf(_entries, _count, _index, key) >= 0;

            /// <summary>Sets <paramref name="key"/>: a new key goes last, a known key keeps its place and takes the new value.</summary>
            public void Set(string key, string value)
            {
                if (_entries is not null)
                {
                    int existing = IndexOf(_entries, _count, _index, key);
                    if (existing >= 0)
                    {
                        _entries[existing] = new KeyValuePair<string, string>(_entries[existing].Key, value);
                        return;
                    }
                }

                if (_entries is null)
                {
                    _entries = new KeyValuePair<string, string>[4];
                }
                else if (_count == _entries.Length)
                {
                    Array.Resize(ref _entries, _count * 2);
                }

                _entries[_count] = new KeyValuePair<string, string>(key, value);
                if (_index is not null)
                {
                    _index.Add(key, _count);
                }
                else if (_count == IndexThreshold)
                {
                    _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
                    for (int i = 0; i <= _count; i++)
                    {
                        _index.Add(_entries[i].Key, i);
                    }
                }

                _count++;
            }

            /// <summary>The map; the builder must not be used afterwards.</summary>
            public readonly MetadataMap ToMap() => _count == 0 ? Empty : new MetadataMap(_entries!, _count, _index);
        }
    }
}
