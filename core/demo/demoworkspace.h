#pragma once

#include "core/demo/bulkvouchergenerator.h"
#include "core/demo/demogenerator.h"

// Creates a demo workspace: the demo story and, optionally, benchmark-scale bulk data.
// A SQLite workspace is built in "<path>.partial" and renamed into place only when complete, so
// a failed or cancelled generation never leaves a half-made workspace behind. A PostgreSQL
// location (postgresql://...) is filled in place and must be empty.
class DemoWorkspace
{
public:
    // Fails if the file exists unless `replace` is set.
    static Result<void> create(const QString &path, const DemoOptions &demo,
                               const BulkOptions &bulk = {}, bool replace = false,
                               const BulkVoucherGenerator::Progress &progress = {});

private:
    static Result<void> fillDatabase(const QString &location, const DemoOptions &demo,
                                     const BulkOptions &bulk,
                                     const BulkVoucherGenerator::Progress &progress);
};
