"""netc's dropout mask stream (docs/language.md, "Dropout"), written independently of netc's Java:
SplitMix64's finaliser `mix`, and `mask(key, layer, units, rate)`, the inverted-dropout factors of
a layer's units (1 / (1 - rate) where a unit is kept, 0 where it is dropped). Used by the reference
scripts beside it.
"""

M = (1 << 64) - 1
G = 0x9E3779B97F4A7C15


def mix(z):
    z &= M
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)


def mask(key, layer, units, rate):
    s = mix(key + layer * G)
    keep = []
    for i in range(units):
        u = (mix(s + (i + 1) * G) >> 11) * 2.0 ** -53
        keep.append(1.0 / (1.0 - rate) if u >= rate else 0.0)
    return keep
