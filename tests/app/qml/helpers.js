// Shared by the view tests: find an item below `item` by its objectName,
// looking into Controls' content items too.
.pragma library

function findByName(item, name) {
    if (item.objectName === name)
        return item
    for (let i = 0; i < item.children.length; ++i) {
        const found = findByName(item.children[i], name)
        if (found)
            return found
    }
    if (item.contentItem && item.contentItem !== item)
        return findByName(item.contentItem, name)
    return null
}
