"""McIlroy's antiqsort run against introsort: inputs that force torch.sort's heap-sort fallback
(used by make_pipeline_fixtures.py for the torch-sort fixture)."""


def introsort_adversary(n):
    """McIlroy's 'antiqsort' adversary run against a port of libstdc++'s introsort. Only used to CRAFT an input that
    drives introsort into its heap-sort fallback; the expected output is what torch.sort returns for it."""
    gas = n
    val = [gas] * n
    state = {'nsolid': 0, 'candidate': 0, 'heap': False}

    def less(x, y):  # ascending comparator on item ids
        if val[x] == gas and val[y] == gas:
            if x == state['candidate']:
                val[x] = state['nsolid']
            else:
                val[y] = state['nsolid']
            state['nsolid'] += 1
        if val[x] == gas:
            state['candidate'] = x
        elif val[y] == gas:
            state['candidate'] = y
        return val[x] < val[y]

    a = list(range(n))

    def insertion(lo, hi):
        for i in range(lo + 1, hi):
            v = a[i]
            if less(v, a[lo]):
                a[lo + 1:i + 1] = a[lo:i]
                a[lo] = v
            else:
                j = i
                while less(v, a[j - 1]):
                    a[j] = a[j - 1]
                    j -= 1
                a[j] = v

    def sift(lo, hole, ln, v):
        top = hole
        child = hole
        while child < (ln - 1) // 2:
            child = 2 * (child + 1)
            if less(a[lo + child], a[lo + child - 1]):
                child -= 1
            a[lo + hole] = a[lo + child]
            hole = child
        if ln % 2 == 0 and child == (ln - 2) // 2:
            child = 2 * (child + 1)
            a[lo + hole] = a[lo + child - 1]
            hole = child - 1
        parent = (hole - 1) // 2
        while hole > top and less(a[lo + parent], v):
            a[lo + hole] = a[lo + parent]
            hole = parent
            parent = (hole - 1) // 2
        a[lo + hole] = v

    def heapsort(lo, hi):
        state['heap'] = True
        ln = hi - lo
        p = (ln - 2) // 2
        while True:
            sift(lo, p, ln, a[lo + p])
            if p == 0:
                break
            p -= 1
        while hi - lo > 1:
            hi -= 1
            v = a[hi]
            a[hi] = a[lo]
            sift(lo, 0, hi - lo, v)

    def loop(lo, hi, depth):
        while hi - lo > 16:
            if depth == 0:
                heapsort(lo, hi)
                return
            depth -= 1
            mid = lo + (hi - lo) // 2
            x, y, z = lo + 1, mid, hi - 1
            if less(a[x], a[y]):
                if less(a[y], a[z]):
                    a[lo], a[y] = a[y], a[lo]
                elif less(a[x], a[z]):
                    a[lo], a[z] = a[z], a[lo]
                else:
                    a[lo], a[x] = a[x], a[lo]
            elif less(a[x], a[z]):
                a[lo], a[x] = a[x], a[lo]
            elif less(a[y], a[z]):
                a[lo], a[z] = a[z], a[lo]
            else:
                a[lo], a[y] = a[y], a[lo]
            f, l = lo + 1, hi
            while True:
                while less(a[f], a[lo]):
                    f += 1
                l -= 1
                while less(a[lo], a[l]):
                    l -= 1
                if not f < l:
                    break
                a[f], a[l] = a[l], a[f]
                f += 1
            loop(f, hi, depth)
            hi = f

    loop(0, n, 2 * (n.bit_length() - 1))
    insertion(0, n)
    return [float(v) for v in val], state['heap']
