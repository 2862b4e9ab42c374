export { RunListRoot as Root } from './RunListRoot';
export { RunListItems as Items } from './RunListItems';
export { RunListItem as Item } from './RunListItem';
export { RunListLoadOlder as LoadOlder, RunListLoadNewer as LoadNewer } from './RunListLoadMore';
export { RunListEmpty as Empty } from './RunListEmpty';
