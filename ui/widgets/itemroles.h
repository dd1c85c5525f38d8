#pragma once

#include <Qt>

// Roles the item models share with the views and delegates.
namespace ItemRoles {
enum : int {
    Id = Qt::UserRole + 1, // QUuid of the row's object (template, application, customer)
    BadgeColor,            // QColor: the column is painted as a coloured badge
    SortValue,             // the raw value a column sorts by
    Progress,              // double 0..1: the column is painted with a bar (balance)
};
}
