// CSS (and CSS modules) in component tests: class names are their keys.
module.exports = new Proxy({}, { get: (_target, key) => (key === '__esModule' ? false : key) });
