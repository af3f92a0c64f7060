"""pip install . — the statecraft Python package, built by the project's CMake.

The native module is built with CMake (STATECRAFT_TESTS=OFF, STATECRAFT_PYTHON=ON) in a build
directory of its own; with STATECRAFT_BUILD_DIR set to a build tree that already holds
python/statecraft (the test suite's), that tree's package is installed as it is. Nothing is
fetched: Debian's setuptools and pybind11 suffice (pip install --no-build-isolation .).
"""

import os
import pathlib
import shutil
import subprocess

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = pathlib.Path(os.environ.get("STATECRAFT_BUILD_DIR") or ROOT / "build-python")
        if not (build / "python" / "statecraft" / "__init__.py").exists() or not os.environ.get("STATECRAFT_BUILD_DIR"):
            subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release", "-DSTATECRAFT_TESTS=OFF", "-DSTATECRAFT_PYTHON=ON"], check=True)
            subprocess.run(["cmake", "--build", str(build), "--target", "statecraft_python", "-j", str(os.cpu_count() or 1)], check=True)
        target = pathlib.Path(self.build_lib) / "statecraft"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(build / "python" / "statecraft", target)


setup(
    name="statecraft",
    version=(ROOT / "CMakeLists.txt").read_text().split("project(statecraft VERSION ", 1)[1].split()[0],
    description="Strategic standoffs between states: bargaining forecasts, Graph Model stability, games, news events",
    packages=[],
    ext_modules=[Extension("statecraft._statecraft", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    python_requires=">=3.9",
)
