"""벤치마크 스크립트가 작은 크기로 돌아가는지만 본다(시간은 검사하지 않는다)."""

import json

from scripts import bench, tables


def test_bench_runs_on_tiny_sizes(tmp_path, capsys):
    out = tmp_path / "bench.json"
    bench.rows.clear()
    bench.main(["--tiny", "--json", str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    items = [row["item"] for row in data["rows"]]
    assert any("sigmoid / relu" in item for item in items)
    assert "측정값" in capsys.readouterr().out


def test_activation_cost_block_says_where_numbers_come_from():
    text = tables.activation_cost()
    assert text.startswith("!!! info")
    assert "scripts.bench" in text
