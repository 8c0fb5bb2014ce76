#!/usr/bin/env python3
"""Regenerates the epyc 1.7.2 fixtures in src/main/resources/org/jepyc/fixtures/epyc-1.7.2.

Needs Python 3 with epyc==1.7.2, pandas and h5py (pip install epyc==1.7.2 pandas h5py).
Run from this directory:  python3 make-epyc-fixtures.py [OUTPUT_DIR]

It writes typed.json and typed.h5 (the same notebook in both formats), then re-opens each with
epyc and records what a reader sees: typed-<fmt>.<tag>.csv (ResultSet.dataframe() written with
pandas' to_csv(index=False)) and typed-<fmt>.expected.json (per set: description, lock, row
count, pending job ids, attributes and the pandas dtype of every column; "_current" is the
current set). Timestamps, timings and the Noisy experiment's random values differ from run to
run, so a regenerated set is equivalent to the committed one, not byte-identical; the tests
compare jepyc against the CSVs and expectations written alongside, never against constants.
upstream-test.h5 is not made here: it is the HDF5 notebook shipped in epyc 1.7.2's own tests.
"""

import json
import os
import random
import sys

import epyc
from epyc import (Experiment, HDF5LabNotebook, JSONLabNotebook, Lab, PointwiseDesign,
                  RepeatedExperiment, SummaryExperiment)

assert epyc.__version__ == '1.7.2', 'these fixtures are epyc 1.7.2\'s; found epyc ' + epyc.__version__

DESCRIPTION = 'Fixture written by epyc 1.7.2'


class Typed(Experiment):
    """One result of each scalar type: int, float, bool, str."""
    def do(self, p):
        a, b = p['a'], p['b']
        return dict(total=a + b, ratio=a / b, flag=(a % 2 == 0), name='x{a}'.format(a=a))


class FailInDo(Typed):
    def do(self, p):
        raise ValueError('bad point a={a}'.format(a=p['a']))


class FailInTeardown(Typed):
    def tearDown(self):
        raise RuntimeError('teardown failed')


class Noisy(Experiment):
    """A random value and a count of the runs of this instance, for repetitions and summaries."""
    def __init__(self):
        super().__init__()
        self._count = 0

    def do(self, p):
        self._count += 1
        return dict(count=self._count, value=random.uniform(-1.0, 1.0))


class Lists(Experiment):
    """List-valued results."""
    def do(self, p):
        a, b = p['a'], p['b']
        return dict(ints=[a, b, a * b], floats=[a / 2, b / 4])


def run(nb, experiment, **ranges):
    lab = Lab(nb, design=PointwiseDesign())
    for k, v in ranges.items():
        lab[k] = v
    lab.runExperiment(experiment)


def write(nb):
    """The same sets, in the same order, in either format."""
    # the default set: four typed successes, a failure in do, a failure in tearDown, a pending job
    run(nb, Typed(), a=[1, 2, 3, 4], b=[2, 4, 6, 8])
    run(nb, FailInDo(), a=[5], b=[10])
    run(nb, FailInTeardown(), a=[6], b=[12])
    nb.current().setAttribute('units', 'metres')
    nb.current().setAttribute('trials', 3)
    nb.addPendingResult(dict(a=7, b=14), 'job-7')

    nb.addResultSet('second', 'Second set, locked')
    run(nb, Typed(), a=[11], b=[21])
    nb.addPendingResult(dict(a=12, b=22), 'job-12')
    nb.cancelPendingResult('job-12')
    nb.current().finish()

    nb.addResultSet('repeated', 'RepeatedExperiment of 3 at 2 points')
    run(nb, RepeatedExperiment(Noisy(), 3), x=[0.5, 1.5])

    nb.addResultSet('summary', 'SummaryExperiment over 4 repetitions')
    run(nb, SummaryExperiment(RepeatedExperiment(Noisy(), 4), summarised_results=['value']), x=[0.5, 1.5])

    nb.addResultSet('lists', 'List-valued results')
    run(nb, Lists(), a=[1, 2, 3], b=[3, 2, 1])

    nb.addResultSet('pending', 'Jobs still running')
    nb.addPendingResult(dict(a=1, b=1), 'job-a')
    nb.addPendingResult(dict(a=2, b=1), 'job-b')
    nb.commit()


def expectations(nb, prefix, out):
    """What epyc sees when it reads the file back."""
    expected = {'_current': nb.currentTag()}
    for tag in nb.resultSets():
        rs = nb.resultSet(tag)
        df = rs.dataframe()
        df.to_csv(os.path.join(out, '{p}.{t}.csv'.format(p=prefix, t=tag)), index=False)
        expected[tag] = dict(description=rs.description(),
                             locked=rs.isLocked(),
                             rows=len(df),
                             pending=sorted(rs.pendingResults()),
                             attributes={k: rs[k] for k in rs.keys()},
                             columns={c: str(t) for c, t in df.dtypes.items()})
    with open(os.path.join(out, prefix + '.expected.json'), 'w') as f:
        json.dump(expected, f, indent=1, sort_keys=True, default=str)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join('src', 'main', 'resources', 'org', 'jepyc',
                                                              'fixtures', 'epyc-1.7.2')
    os.makedirs(out, exist_ok=True)
    random.seed(1729)
    for name, notebook in (('typed.json', JSONLabNotebook), ('typed.h5', HDF5LabNotebook)):
        path = os.path.join(out, name)
        if os.path.exists(path):
            os.remove(path)            # epyc's create=True would wipe it anyway; say so by doing it here
        nb = notebook(path, create=True, description=DESCRIPTION)
        write(nb)
        prefix = 'typed-json' if name.endswith('.json') else 'typed-h5'
        expectations(notebook(path), prefix, out)   # re-opened, as a reader sees it


if __name__ == '__main__':
    main()
