export { RunListRoot as Root } from './RunListRoot.js';
export { RunListItems as Items } from './RunListItems.js';
export { RunListItem as Item } from './RunListItem.js';
export { RunListLoadOlder as LoadOlder, RunListLoadNewer as LoadNewer } from './RunListLoadMore.js';
export { RunListEmpty as Empty } from './RunListEmpty.js';
