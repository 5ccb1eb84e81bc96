// Directive tasks ("giao nhiệm vụ", issue 7 item 3) for officers: the board, the assigned list,
// the assign form and the task page. One lazy chunk with its own strings (namespace `tasks`).
import './i18n';

export { AssignTaskPage } from './assign-page';
export { TaskPage } from './task-page';
export { TasksPage } from './tasks-page';
