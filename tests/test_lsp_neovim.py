"""A real editor drives ``rac lsp``: headless Neovim with a minimal configuration opens a broken report file, and
the diagnostics it receives are written to a file that this test reads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="rac lsp needs the [lsp] extra (pygls)")

pytestmark = pytest.mark.system_packages  # also run without fonts-noto-cjk, chromium, poppler… (.ci/run)

INIT_LUA = r"""
local target = vim.fn.fnamemodify(os.getenv("RAC_TARGET"), ":p")
local out = os.getenv("RAC_OUT")
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(_, result, _, _)
  if vim.uri_to_fname(result.uri) ~= target or #result.diagnostics == 0 then
    return
  end
  local lines = {}
  for _, d in ipairs(result.diagnostics) do
    table.insert(lines, string.format("%s %d %d %d %d %d", d.code, d.severity, d.range.start.line,
      d.range.start.character, d.range["end"].line, d.range["end"].character))
  end
  vim.fn.writefile(lines, out)
  vim.cmd("qall!")
end
vim.api.nvim_create_autocmd("BufReadPost", {
  pattern = "*.yaml",
  callback = function(args)
    local id = vim.lsp.start_client({
      name = "rac",
      cmd = { os.getenv("RAC_PYTHON"), "-m", "reportascode", "lsp", "--lang", "en" },
      root_dir = os.getenv("RAC_ROOT"),
    })
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})
vim.defer_fn(function() vim.cmd("qall!") end, 60000)
"""


@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim (nvim) is not installed (Debian package neovim)")
def test_neovim_receives_the_load_finding_of_a_broken_file(workspace: Path, tmp_path: Path) -> None:
    target = workspace / "reports" / "2024" / "meta.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("licence_no: B2-20203417", "licence_no: [B2-20203417"), encoding="utf-8")
    init = tmp_path / "init.lua"
    init.write_text(INIT_LUA, encoding="utf-8")
    out = tmp_path / "diagnostics.txt"
    env = {**os.environ, "RAC_TARGET": str(target), "RAC_OUT": str(out), "RAC_ROOT": str(workspace),
           "RAC_PYTHON": sys.executable, "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path),
           "XDG_STATE_HOME": str(tmp_path)}
    subprocess.run(["nvim", "--headless", "-n", "-i", "NONE", "-u", str(init), str(target)], env=env,
                   cwd=workspace, timeout=120, capture_output=True, stdin=subprocess.DEVNULL, check=False)
    assert out.is_file(), "Neovim received no diagnostics for the broken file"
    rows = [line.split() for line in out.read_text(encoding="utf-8").splitlines()]
    # LOAD-SYNTAX, an error (severity 1), where the validation fixture puts it: line 6, column 1
    assert ["LOAD-SYNTAX", "1", "5", "0"] in [row[:4] for row in rows], rows
