// Stylesheets mean nothing to jsdom: components import them, tests get an empty module.
module.exports = {}
