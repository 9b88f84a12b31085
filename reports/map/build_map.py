"""Builds reports/map/countries.json: one simplified SVG path per country, keyed by ISO 3166-1 alpha-3.

Input: Natural Earth 1:110m admin-0 boundaries (public domain) as TopoJSON, from the `world-atlas` npm
package (countries-110m.json), and ISO numeric -> alpha-3 codes from the `i18n-iso-countries` package
(codes.json). Run once when the boundaries are updated:

    npm pack world-atlas@2 i18n-iso-countries@7   # then unpack both
    python3 reports/map/build_map.py world-atlas/countries-110m.json i18n-iso-countries/codes.json

Projection: equirectangular, x = lon, y = -lat, scaled by 1/cos(30 deg) horizontally so Africa and Central
Asia keep a readable shape; coordinates rounded to 0.1 degree. The map is drawn at view time as inline SVG,
with no network access.
"""
import json, math, sys

def decode(topo):
    sx, sy = topo['transform']['scale']
    tx, ty = topo['transform']['translate']
    arcs = []
    for arc in topo['arcs']:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx; y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs

def ring(arcs, idxs):
    pts = []
    for i in idxs:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts

def path(polys, arcs):
    k = 1 / math.cos(math.radians(30))
    out = []
    for poly in polys:
        for r in poly:
            pts = ring(arcs, r)
            seen = []
            for lon, lat in pts:
                p = (round(lon * k, 1), round(-lat, 1))
                if not seen or seen[-1] != p:
                    seen.append(p)
            # A ring that crosses the antimeridian would be drawn across the whole map: leave it out.
            if len(seen) < 3 or max(x for x, _ in seen) - min(x for x, _ in seen) > 180:
                continue
            out.append('M' + 'L'.join(f'{x:g},{y:g}' for x, y in seen) + 'Z')
    return ''.join(out)

def main(topo_path, codes_path):
    topo = json.load(open(topo_path))
    codes = json.load(open(codes_path))
    num2a3 = {c[2]: c[1] for c in codes}  # [alpha2, alpha3, numeric]
    arcs = decode(topo)
    out = {}
    for g in topo['objects']['countries']['geometries']:
        a3 = num2a3.get(g.get('id'))
        if not a3 or g['type'] not in ('Polygon', 'MultiPolygon'):
            continue
        polys = [g['arcs']] if g['type'] == 'Polygon' else g['arcs']
        out[a3] = path(polys, arcs)
    json.dump({'source': 'Natural Earth 1:110m admin-0 countries (public domain), via the world-atlas package',
               'projection': 'equirectangular, x scaled by 1/cos(30 deg), y = -latitude',
               'paths': dict(sorted(out.items()))}, open('reports/map/countries.json', 'w'), separators=(',', ':'))
    print(len(out), 'countries')

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
