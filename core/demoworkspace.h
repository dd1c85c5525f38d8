#pragma once

#include "bulkvouchergenerator.h"
#include "demogenerator.h"

// Creates a demo workspace file: the demo story and, optionally, benchmark-scale bulk data.
// It is built in "<path>.partial" and renamed into place only when complete, so a failed or
// cancelled generation never leaves a half-made workspace behind.
class DemoWorkspace
{
public:
    // Fails if the file exists unless `replace` is set.
    static Result<void> create(const QString &path, const DemoOptions &demo,
                               const BulkOptions &bulk = {}, bool replace = false,
                               const BulkVoucherGenerator::Progress &progress = {});
};
