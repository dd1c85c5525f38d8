// The compiled catalogues live in this library's resources (:/i18n); this unit only gives the
// static library an object file to carry them.
