"""Independent references shared by the core and QGIS tests (plain Python, no project code)."""
from collections import deque


def bfs_groups(m, t):
    """Collaboration groups of an (n, n) travel-time matrix: sites joined when both directions take at most ``t``
    minutes, groups the connected components, numbered 1, 2, ... in order of their first site."""
    n = m.shape[0]
    group = [0] * n
    g = 0
    for s in range(n):
        if group[s]:
            continue
        g += 1
        group[s] = g
        q = deque([s])
        while q:
            a = q.popleft()
            for b in range(n):
                if not group[b] and b != a and m[a, b] <= t and m[b, a] <= t:
                    group[b] = g
                    q.append(b)
    return group
